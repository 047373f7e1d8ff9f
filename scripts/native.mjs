// better-sqlite3-multiple-ciphers (better-sqlite3 with SQLCipher) is a native module: Node (tests,
// CLI, browser mode) and Electron need it built for their own ABI. This records which one node_modules holds and rebuilds only when it changes.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const marker = path.join(root, 'node_modules', '.rapidcare-native-abi')

function current() {
  return fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim() : 'node'
}

export function ensureNativeFor(target) {
  if (current() === target) return
  const ok =
    target === 'electron'
      ? spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit' }).status ===
        0
      : spawnSync('npm', ['rebuild', 'better-sqlite3-multiple-ciphers'], { cwd: root, stdio: 'inherit' })
          .status === 0
  if (!ok) throw new Error(`Could not rebuild better-sqlite3-multiple-ciphers for ${target}`)
  fs.writeFileSync(marker, target)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) ensureNativeFor(process.argv[2] ?? 'node')
