/**
 * The database key: 32 random bytes, one key per database (and the same key for its backups).
 * It is written down in two forms only: the recovery code a person keeps on paper, and a key file
 * (browser mode, the hub, the CLI) that holds that same code. Electron keeps it wrapped by the OS
 * keychain instead (electron/keyStore.ts). The key object never prints itself: a stray
 * `console.log`, a JSON body or an error's details show `[database key]`, never the bytes.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { inspect } from 'node:util'
import { DeskError } from '../../shared/errors'
import { fileEncryption } from './open'

export const KEY_BYTES = 32
/** The environment variable that names the key file, like RAPIDCARE_DB names the database. */
export const KEY_FILE_ENV = 'RAPIDCARE_KEY_FILE'

const secrets = new WeakMap<DatabaseKey, Buffer>()

export class DatabaseKey {
  private constructor(bytes: Buffer) {
    secrets.set(this, Buffer.from(bytes))
  }

  static fromBytes(bytes: Buffer): DatabaseKey {
    if (bytes.length !== KEY_BYTES) throw new Error(`A database key is ${KEY_BYTES} bytes`)
    return new DatabaseKey(bytes)
  }

  static generate(): DatabaseKey {
    return new DatabaseKey(crypto.randomBytes(KEY_BYTES))
  }

  /** The raw key as SQLCipher's `x'…'` literal: used for the key pragma only, never shown. */
  sqlLiteral(): string {
    return `"x'${secrets.get(this)!.toString('hex')}'"`
  }

  /** The bytes, for wrapping by the OS keychain or posting to the backup worker. */
  bytes(): Buffer {
    return Buffer.from(secrets.get(this)!)
  }

  equals(other: DatabaseKey): boolean {
    return crypto.timingSafeEqual(secrets.get(this)!, secrets.get(other)!)
  }

  recoveryCode(): string {
    return encodeRecoveryCode(secrets.get(this)!)
  }

  toString(): string {
    return '[database key]'
  }

  toJSON(): string {
    return '[database key]'
  }

  [inspect.custom](): string {
    return '[database key]'
  }
}

// -------------------------------------------------------------------------------------------------
// The recovery code: Crockford's base32 (no I, L, O or U to misread), in groups of four, with a
// three-byte checksum so a mistyped code is told apart from the wrong one.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CHECK_BYTES = 3
const CODE_CHARS = ((KEY_BYTES + CHECK_BYTES) * 8) / 5 // 56

function checksum(key: Buffer): Buffer {
  return crypto.createHash('sha256').update(key).digest().subarray(0, CHECK_BYTES)
}

export function encodeRecoveryCode(key: Buffer): string {
  const data = Buffer.concat([key, checksum(key)])
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of data) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return out.match(/.{4}/g)!.join('-')
}

/**
 * A recovery code as a person types it back: any case, with or without dashes and spaces, and the
 * letters people confuse with digits read as those digits. Null when it is not a whole code; an
 * error when it is one with a typing mistake.
 */
export function decodeRecoveryCode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
  if (clean.length !== CODE_CHARS || /[^0-9A-Z]/.test(clean) || clean.includes('U')) return null
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const ch of clean) {
    value = (value << 5) | ALPHABET.indexOf(ch)
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
    value &= (1 << bits) - 1
  }
  const data = Buffer.from(out)
  const key = data.subarray(0, KEY_BYTES)
  if (!checksum(key).equals(data.subarray(KEY_BYTES))) {
    throw new DeskError(
      'VALIDATION',
      'The recovery code has a typing mistake (its check letters do not match): compare it with the printed code.',
    )
  }
  return Buffer.from(key)
}

export function keyFromRecoveryCode(text: string): DatabaseKey {
  const bytes = decodeRecoveryCode(text)
  if (!bytes)
    throw new DeskError(
      'VALIDATION',
      `A recovery code is ${CODE_CHARS} letters and digits in groups of four (XXXX-XXXX-…).`,
    )
  return DatabaseKey.fromBytes(bytes)
}

// -------------------------------------------------------------------------------------------------
// Key files

/** `--key-file PATH` wins, then RAPIDCARE_KEY_FILE; none means no encryption. */
export function resolveKeyFile(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (flag) return path.resolve(flag)
  if (env[KEY_FILE_ENV]) return path.resolve(env[KEY_FILE_ENV])
  return null
}

const KEY_FILE_HEADER =
  '# RapidCare Desk database key. Keep it apart from the database and its backups; anyone holding\n' +
  '# this file and a backup can read every patient in it. The line below is also the recovery code.\n'

/** Read a key file: the recovery code (as `createKeyFile` writes it, or typed in by a person). */
export function readKeyFile(file: string): DatabaseKey {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new DeskError(
      'NOT_FOUND',
      code === 'ENOENT'
        ? `The key file ${file} does not exist: give the database's key file, or a file holding its recovery code.`
        : `The key file ${file} cannot be read (${code ?? 'error'}).`,
    )
  }
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  for (const line of lines) {
    const bytes = decodeRecoveryCode(line)
    if (bytes) return DatabaseKey.fromBytes(bytes)
  }
  throw new DeskError(
    'VALIDATION',
    `The key file ${file} does not hold a RapidCare key (a recovery code, XXXX-XXXX-…).`,
  )
}

/**
 * Write a new key file, readable by its owner only, never over an existing file: the key it
 * would replace may be the only one that opens a database.
 */
export function createKeyFile(file: string, key: DatabaseKey): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  let fd: number
  try {
    fd = fs.openSync(file, 'wx', 0o600)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST')
      throw new DeskError('CONFLICT', `The key file ${file} already exists: it was left as it was.`)
    throw new DeskError('CONFLICT', `The key file ${file} cannot be created (${code ?? 'error'}).`)
  }
  try {
    fs.writeSync(fd, `${KEY_FILE_HEADER}${key.recoveryCode()}\n`)
    // On disk before any database is encrypted with it: a key lost in a power cut loses the data.
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** The key in a key file, or a new key written to it when there is no file yet. */
export function loadOrCreateKeyFile(file: string): { key: DatabaseKey; created: boolean } {
  if (fs.existsSync(file)) return { key: readKeyFile(file), created: false }
  const key = DatabaseKey.generate()
  createKeyFile(file, key)
  return { key, created: true }
}

/**
 * The key for a database, as `serve` and the CLI take it: none without a key file; the key file's
 * key; or, for a database not yet made, a new key written to the named file (`created`: the
 * caller shows its recovery code, once). A missing key file for an existing database is refused.
 */
export function keyForDatabase(
  dbPath: string,
  keyFile: string | null,
): { key: DatabaseKey | null; created: boolean } {
  if (!keyFile) return { key: null, created: false }
  const state = fileEncryption(dbPath)
  if (!fs.existsSync(keyFile) && (state === 'missing' || state === 'empty')) {
    const key = DatabaseKey.generate()
    createKeyFile(keyFile, key)
    return { key, created: true }
  }
  return { key: readKeyFile(keyFile), created: false }
}

/** What a person reads when a key is made: where it is, and the recovery code, shown this once. */
export function recoveryCodeNotice(keyFile: string, key: DatabaseKey): string[] {
  return [
    `A new database key was written to ${keyFile} (readable by you only).`,
    `Recovery code: ${key.recoveryCode()}`,
    'Print it or write it down now and keep it apart from this computer: with it, the database and its',
    'backups open on another machine; without it and the key file, nobody can open them, you included.',
  ]
}

/** The one line `serve` prints for a database stored without encryption. */
export function notEncryptedNotice(dbPath: string): string {
  return `Not encrypted: ${dbPath} is stored in plain text (start with --key-file PATH for a new database, or run \`npm run cli -- encrypt\`).`
}
