import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { DeskError } from '../../shared/errors'
import { networkLocation } from './filesystem'
import { registerFunctions } from './functions'
import type { DatabaseKey } from './key'

export type DB = Database.Database

/**
 * Open the desk's database with the pragmas DESIGN.md sets. synchronous=FULL, not NORMAL: with NORMAL
 * a committed admission can vanish in a power cut; FULL still commits thousands a second.
 * With a key the file is SQLCipher-encrypted (a new file from its first byte), and a wrong or
 * missing key is refused in words before anything is read or written.
 */
export function openDatabase(
  file: string,
  options: { readonly?: boolean; create?: boolean; key?: DatabaseKey | null } = {},
): DB {
  if (file !== ':memory:') refuseNetworkLocation(file)
  if (file !== ':memory:' && options.create !== false && !options.readonly) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
  }
  let db: DB | undefined
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.create === false || options.readonly === true,
      nativeBinding: process.env.RAPIDCARE_SQLITE_BINDING || undefined,
    })
    if (options.key) applyKey(db, options.key)
    // A new file frees pages in small steps later (maintenance's vacuum), never by one long VACUUM
    // that would hold every other desk's writes. Only takes effect before the first table.
    if (!options.readonly && isEmpty(db)) db.pragma('auto_vacuum = INCREMENTAL')
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
    // An encrypted page is decrypted and its HMAC checked each time SQLite reads it from the file;
    // a larger page cache keeps the desk's working set decrypted (64 MiB: still small for a desk).
    db.pragma(options.key ? 'cache_size = -65536' : 'cache_size = -16000')
  } catch (err) {
    db?.close()
    throw openError(err, file, options.key ?? null)
  }
  registerFunctions(db)
  cacheStatements(db)
  return db
}

function isEmpty(db: DB): boolean {
  return (db.pragma('page_count', { simple: true }) as number) === 0
}

/** SQLite's WAL cannot work across machines: a database on a network filesystem would corrupt. */
function refuseNetworkLocation(file: string): void {
  const where = networkLocation(file)
  if (!where) return
  throw new DeskError(
    'CONFLICT',
    `${file} is on ${where}. SQLite cannot keep a database safe there: two computers writing it would damage it. ` +
      'Keep the database on this computer’s own disk (the default folder is), and let other workstations ' +
      'connect to this desk instead of opening its file; to use a database from the share, copy it here first.',
  )
}

/**
 * Key a connection before its first read: SQLCipher 4's format (what Signal Desktop and the
 * `sqlcipher` tool read), with the 256-bit key given raw, so no passphrase derivation slows every
 * open. Temporary tables and sorts stay in memory: SQLite's temp files are not encrypted.
 * Then one read, so a wrong key fails here and not in the middle of some service.
 */
export function applyKey(db: DB, key: DatabaseKey): void {
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
  db.pragma(`key = ${key.sqlLiteral()}`)
  db.pragma('temp_store = MEMORY')
  db.prepare('SELECT COUNT(*) FROM sqlite_schema').get()
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * What a database file is, from its first 16 bytes: a plain SQLite file starts with SQLite's
 * header; an encrypted one with 16 random bytes (its salt) and is whole pages long (a multiple of
 * 512 bytes). Anything else is `other`; empty or missing: nothing yet.
 */
export function fileEncryption(file: string): 'missing' | 'empty' | 'plain' | 'encrypted' | 'other' {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return 'missing'
  }
  try {
    const size = fs.fstatSync(fd).size
    if (size === 0) return 'empty'
    const head = Buffer.alloc(16)
    const read = fs.readSync(fd, head, 0, 16, 0)
    if (read === 16 && head.equals(SQLITE_MAGIC)) return 'plain'
    return size >= 512 && size % 512 === 0 ? 'encrypted' : 'other'
  } finally {
    fs.closeSync(fd)
  }
}

/** The one line that says which key to supply; never the key itself. */
export function keyProblem(file: string, key: DatabaseKey | null): string | null {
  const state = fileEncryption(file)
  if (state === 'plain' && key)
    return `${file} is not encrypted, so a key does not open it: start without --key-file, or encrypt it first (npm run cli -- encrypt --db ${file} --key-file KEYFILE).`
  if (state === 'encrypted' && key)
    return `${file} does not open with this key: give the key file it was encrypted with (--key-file PATH or RAPIDCARE_KEY_FILE), or a file holding its recovery code. (Or it is not a RapidCare Desk database.) It was left as it was.`
  if (state === 'encrypted' && !key)
    return `${file} is encrypted, or is not a RapidCare Desk database: give its key file (--key-file PATH or RAPIDCARE_KEY_FILE), or a file holding its recovery code. It was left as it was.`
  return null
}

/** A file that cannot be opened as a database is the user's mistake: say so in words, not a stack. */
function openError(err: unknown, file: string, key: DatabaseKey | null): unknown {
  const code = (err as { code?: string } | null)?.code
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    const problem = file === ':memory:' ? null : keyProblem(file, key)
    if (problem) return new DeskError('CONFLICT', problem)
    return new DeskError(
      'CONFLICT',
      `${file} is not a RapidCare Desk database (not SQLite, or damaged). It was left as it was.`,
    )
  }
  if (err instanceof TypeError && /^Cannot open database/.test(err.message)) {
    return new DeskError(
      'NOT_FOUND',
      `${file} cannot be opened: ${err.message.replace(/^Cannot open database /, '')}.`,
    )
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new DeskError(
      'NOT_FOUND',
      `${file} cannot be opened: it does not exist, or its folder is not writable.`,
    )
  }
  return err
}

const STATEMENT_CACHE_LIMIT = 1000

/**
 * Keep compiled statements per handle: services call `db.prepare(sql)` where they use it (clear to
 * read), and compiling the same SQL on every call cost about a tenth of a booking's CPU time in the
 * benchmark. A cached reader is returned with its modes reset (pluck/expand/raw are sticky on a
 * statement); one still busy iterating is not shared, a fresh one is compiled instead. Statements
 * are never `.bind()`-ed in this codebase, which would make a shared statement unsafe.
 */
function cacheStatements(db: DB): void {
  const compile = db.prepare.bind(db)
  const cache = new Map<string, Database.Statement>()
  db.prepare = function prepare(source: string) {
    const cached = cache.get(source)
    if (cached && !cached.busy) {
      if (cached.reader) cached.pluck(false).expand(false).raw(false)
      return cached
    }
    const stmt = compile(source)
    if (!cached) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear()
      cache.set(source, stmt)
    }
    return stmt
  } as DB['prepare']
}

/** Run `fn` in one write transaction taken up front (BEGIN IMMEDIATE), so two writers never interleave. */
export function writeTx<T>(db: DB, fn: () => T): T {
  return db.transaction(fn).immediate()
}

export function nowIso(date: Date = new Date()): string {
  return date.toISOString()
}
