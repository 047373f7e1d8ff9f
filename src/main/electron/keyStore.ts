/**
 * The Electron desk's database key, kept wrapped by the OS keychain through Electron's safeStorage
 * (Keychain on macOS, DPAPI on Windows, libsecret/KWallet on Linux), as Signal Desktop keeps its
 * SQLCipher key: beside the database only the wrapped bytes (`rapidcare.sqlite.wrapped-key`), which
 * open nothing on another account or machine. The key itself is never written in plain text.
 * Plain functions over a typed keychain and files, so they are tested without Electron.
 */
import fs from 'node:fs'
import type { SafeStorage } from 'electron'
import { DeskError } from '../../shared/errors'
import { DatabaseKey, keyForDatabase, keyFromRecoveryCode, resolveKeyFile } from '../db/key'
import { fileEncryption } from '../db/open'

/** What this module asks of Electron's safeStorage, typed against Electron's own declaration. */
export type Keychain = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>

export type DesktopKey =
  { encrypted: true; key: DatabaseKey; created: boolean } | { encrypted: false; reason: string }

export function wrappedKeyPath(dbPath: string): string {
  return `${dbPath}.wrapped-key`
}

/**
 * Whether the keychain really protects what it wraps. On Linux without a keyring Electron falls
 * back to `basic_text`, a fixed password compiled into Chromium: a key wrapped by it is as good as
 * plain, so the desk says the database is not encrypted rather than pretend.
 */
export function keychainProtects(keychain: Keychain, platform: NodeJS.Platform = process.platform): boolean {
  if (!keychain.isEncryptionAvailable()) return false
  return platform !== 'linux' || keychain.getSelectedStorageBackend() !== 'basic_text'
}

function unwrap(keychain: Keychain, file: string): DatabaseKey {
  if (!keychain.isEncryptionAvailable())
    throw new DeskError(
      'CONFLICT',
      "The operating system's keychain is not available, so the database key cannot be unlocked. Sign in to this computer's desktop session (its keyring unlocks with it) and start the desk again.",
    )
  try {
    return keyFromRecoveryCode(keychain.decryptString(fs.readFileSync(file)))
  } catch {
    throw new DeskError(
      'CONFLICT',
      `The database key in ${file} cannot be unlocked by this computer's keychain (another user account or machine). Open the database with its recovery code instead: npm run serve -- --key-file FILE, FILE holding the code.`,
    )
  }
}

/** Write the wrapped key, never over an existing one, on disk before the database is made. */
function storeWrapped(keychain: Keychain, file: string, key: DatabaseKey): void {
  const wrapped = keychain.encryptString(key.recoveryCode())
  const fd = fs.openSync(file, 'wx', 0o600)
  try {
    fs.writeSync(fd, wrapped)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * The key for the desk's database: unwrapped when one is kept; a new one, wrapped and stored, for
 * a database not yet made; none for a plain database made before encryption (the admin's
 * maintenance screen says so) or where the keychain would not protect it.
 */
export function desktopKey(
  dbPath: string,
  keychain: Keychain,
  platform: NodeJS.Platform = process.platform,
): DesktopKey {
  const file = wrappedKeyPath(dbPath)
  if (fs.existsSync(file)) return { encrypted: true, key: unwrap(keychain, file), created: false }
  const state = fileEncryption(dbPath)
  if (state === 'plain')
    return {
      encrypted: false,
      reason: 'This database was made before encryption; encrypt it with `npm run cli -- encrypt`.',
    }
  if (state === 'encrypted')
    throw new DeskError(
      'CONFLICT',
      `${dbPath} is encrypted, but this computer keeps no key for it. Open it with its recovery code: npm run serve -- --db ${dbPath} --key-file FILE, FILE holding the code.`,
    )
  if (!keychainProtects(keychain, platform))
    return {
      encrypted: false,
      reason:
        'This computer has no keychain to keep a database key (on Linux: no GNOME Keyring or KWallet), so the database is not encrypted.',
    }
  const key = DatabaseKey.generate()
  storeWrapped(keychain, file, key)
  return { encrypted: true, key, created: true }
}

/**
 * The desk's key at start: a key file named by RAPIDCARE_KEY_FILE wins (a desk opened with a
 * recovery code on a new machine), else the keychain's.
 */
export function startupKey(
  dbPath: string,
  keychain: Keychain,
  env: NodeJS.ProcessEnv = process.env,
): DesktopKey {
  const keyFile = resolveKeyFile(undefined, env)
  if (!keyFile) return desktopKey(dbPath, keychain)
  const { key, created } = keyForDatabase(dbPath, keyFile)
  return { encrypted: true, key: key!, created }
}
