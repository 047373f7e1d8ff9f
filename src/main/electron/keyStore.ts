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
import { encryptDatabase } from '../db/encrypt'
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
 * a database not yet made or made before encryption (which is encrypted now); none where the
 * keychain would not protect it (the admin's maintenance screen then says the file is plain).
 */
export function desktopKey(
  dbPath: string,
  keychain: Keychain,
  platform: NodeJS.Platform = process.platform,
): DesktopKey {
  const file = wrappedKeyPath(dbPath)
  if (fs.existsSync(file)) {
    const key = unwrap(keychain, file)
    // A start that stopped between storing the key and encrypting the plain file finishes here.
    if (fileEncryption(dbPath) === 'plain') encryptDatabase(dbPath, key)
    return { encrypted: true, key, created: false }
  }
  const state = fileEncryption(dbPath)
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
  // A database made before encryption is encrypted now, at the first start with a keychain (a
  // checked copy swapped in atomically, see db/encrypt.ts); its recovery code is the new key's.
  if (state === 'plain') encryptDatabase(dbPath, key)
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
