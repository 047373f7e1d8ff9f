/**
 * The backup worker inside a packaged app: a worker thread cannot read app.asar, so it must start
 * from app.asar.unpacked with everything it requires there. This lays out `resources/` as
 * electron-builder would — only the files electron-builder.yml's asarUnpack unpacks — outside the
 * repository (so nothing resolves from the repository's node_modules), and runs the worker from it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3-multiple-ciphers'
import { minimatch } from 'minimatch'
import { parse } from 'yaml'
import { unpackedPath, workerScript } from '../../src/main/db/tasks'
import { REPO } from './harness'

function filesUnder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return filesUnder(full, base)
    return e.isFile() ? [path.relative(base, full).split(path.sep).join('/')] : []
  })
}

test('the backup worker runs from app.asar.unpacked with only what asarUnpack unpacks', async () => {
  const config = parse(fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as {
    asarUnpack: string[]
  }
  const resources = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-packaged-'))
  try {
    const unpacked = path.join(resources, 'app.asar.unpacked')
    const roots = [
      'out/main',
      ...config.asarUnpack.filter((g) => g.startsWith('node_modules/')).map((g) => g.replace(/\/\*\*$/, '')),
    ]
    let copied = 0
    for (const root of roots) {
      for (const rel of filesUnder(path.join(REPO, root), REPO)) {
        if (!config.asarUnpack.some((glob) => minimatch(rel, glob, { dot: true }))) continue
        fs.mkdirSync(path.dirname(path.join(unpacked, rel)), { recursive: true })
        fs.copyFileSync(path.join(REPO, rel), path.join(unpacked, rel))
        copied++
      }
    }
    expect(copied).toBeGreaterThan(0)
    // main's chunk sits in app.asar/out/main/chunks; the worker it finds is the unpacked one.
    const fromChunk = path.join(resources, 'app.asar', 'out', 'main', 'chunks')
    const script = workerScript(fromChunk)
    expect(script).toEqual({
      filename: unpackedPath(path.join(resources, 'app.asar', 'out', 'main', 'backupWorker.js')),
    })

    const dbPath = path.join(resources, 'desk.sqlite')
    const db = new Database(dbPath)
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    db.close()
    const result = await new Promise<unknown>((resolve, reject) => {
      const worker = new Worker(script!.filename, { workerData: { kind: 'integrity', request: { dbPath } } })
      worker.on('message', (m: { type: string; value?: unknown; error?: { message: string } }) => {
        if (m.type === 'result') resolve(m.value)
        if (m.type === 'error') reject(new Error(m.error!.message))
      })
      worker.on('error', reject)
      worker.on('exit', (code) => reject(new Error(`worker exited ${code}`)))
    })
    expect(result).toEqual({ integrity: ['ok'], foreignKeys: [] })
  } finally {
    fs.rmSync(resources, { recursive: true, force: true })
  }
})
