/** The packaged build's guards, read from the configuration electron-builder packages with. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { minimatch } from 'minimatch'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { unpackedPath, workerScript } from '../db/tasks'
import { devRendererUrl, windowOptions } from './window'

const config = parse(fs.readFileSync(path.join(__dirname, '../../../electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, boolean>
  asarUnpack?: string[]
}

describe('electron-builder.yml', () => {
  it('flips every fuse the desk needs', () => {
    expect(config.electronFuses).toBeDefined()
    const fuses = config.electronFuses!
    // Each named one by one (not toEqual on the object) so a failure says which fuse is wrong.
    expect(fuses.runAsNode, 'runAsNode').toBe(false)
    expect(fuses.enableNodeOptionsEnvironmentVariable, 'enableNodeOptionsEnvironmentVariable').toBe(false)
    expect(fuses.enableNodeCliInspectArguments, 'enableNodeCliInspectArguments').toBe(false)
    expect(fuses.enableEmbeddedAsarIntegrityValidation, 'enableEmbeddedAsarIntegrityValidation').toBe(true)
    expect(fuses.onlyLoadAppFromAsar, 'onlyLoadAppFromAsar').toBe(true)
    expect(fuses.enableCookieEncryption, 'enableCookieEncryption').toBe(true)
    expect(fuses.grantFileProtocolExtraPrivileges, 'grantFileProtocolExtraPrivileges').toBe(false)
  })

  it('unpacks the backup worker out of the archive', () => {
    const matches = (file: string) => config.asarUnpack!.some((glob) => minimatch(file, glob, { dot: true }))
    expect(matches('out/main/backupWorker.js')).toBe(true)
    expect(matches('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe(
      true,
    )
    expect(matches('out/main/index.js')).toBe(false)
  })
})

describe('a packaged app', () => {
  const resources = path.join(path.sep, 'opt', 'RapidCare Desk', 'resources')

  it('starts the backup worker from app.asar.unpacked, where a worker thread can read it', () => {
    const inAsar = path.join(resources, 'app.asar', 'out', 'main', 'backupWorker.js')
    expect(unpackedPath(inAsar)).toBe(
      path.join(resources, 'app.asar.unpacked', 'out', 'main', 'backupWorker.js'),
    )
    expect(unpackedPath('/home/dev/desk/out/main/backupWorker.js')).toBe(
      '/home/dev/desk/out/main/backupWorker.js',
    )
    // A folder merely named like the archive is not the archive.
    expect(unpackedPath('/tmp/app.asar-notes/backupWorker.js')).toBe('/tmp/app.asar-notes/backupWorker.js')
  })

  it('finds the worker from a chunk inside the archive', () => {
    const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'rc-packaged-'))
    try {
      const unpackedMain = path.join(root, 'app.asar.unpacked', 'out', 'main')
      fs.mkdirSync(path.join(unpackedMain, 'chunks'), { recursive: true })
      fs.writeFileSync(path.join(unpackedMain, 'backupWorker.js'), '')
      // main's chunk runs from app.asar/out/main/chunks: the worker is found one level up, unpacked.
      expect(workerScript(path.join(root, 'app.asar', 'out', 'main', 'chunks'))).toEqual({
        filename: path.join(unpackedMain, 'backupWorker.js'),
      })
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })

  it('ignores ELECTRON_RENDERER_URL and has no DevTools', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(devRendererUrl(env, true)).toBeUndefined()
    expect(devRendererUrl(env, false)).toBe('http://localhost:5173')
    expect(devRendererUrl({}, false)).toBeUndefined()
    expect(windowOptions('/p.js', { packaged: true }).webPreferences!.devTools).toBe(false)
    expect(windowOptions('/p.js', { packaged: false }).webPreferences!.devTools).toBe(true)
  })
})
