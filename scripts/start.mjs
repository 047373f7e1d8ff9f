#!/usr/bin/env node
// `npm start`: the desk in Electron where its runtime is installed (fetching it with Electron's own
// install script where it can); otherwise one plain line saying so, and browser mode.
import { spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

// Where Electron's install script puts the runtime (as node_modules/electron/index.js reads it; that
// module itself is not required here because it tries to download on a miss).
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    )
    return fs.existsSync(bin) ? bin : null
  }
  const dir = path.join(root, 'node_modules', 'electron')
  const pathFile = path.join(dir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(bin) ? bin : null
}

function run(cmd, cmdArgs, options = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...options })
  return r.status === 0
}

const build = run(
  process.execPath,
  [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
)
if (!build) process.exit(1)

let electron = electronBinary()
if (!electron && fs.existsSync(path.join(root, 'node_modules/electron/install.js'))) {
  // Electron's own install script downloads the runtime; on a machine without that network it fails fast.
  spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    cwd: root,
    stdio: 'ignore',
    timeout: 120_000,
  })
  electron = electronBinary()
}

if (electron) {
  // better-sqlite3-multiple-ciphers must be built for Electron's ABI; tests rebuild it for Node when they need to
  // (scripts/native.mjs). Only here, where Electron exists, can its headers be fetched.
  const { ensureNativeFor } = await import('./native.mjs')
  ensureNativeFor('electron')
  const child = spawn(electron, ['.', ...args], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    'The Electron runtime is not installed on this machine, so RapidCare Desk starts in browser mode.',
  )
  const child = spawn(process.execPath, ['out/main/serve.js', ...args], { cwd: root, stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}
