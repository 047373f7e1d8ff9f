import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { DeskError } from '../../shared/errors'

export type DB = Database.Database

/**
 * Open the desk's database with the pragmas DESIGN.md sets. synchronous=FULL, not NORMAL: with NORMAL
 * a committed admission can vanish in a power cut; FULL still commits thousands a second.
 */
export function openDatabase(file: string, options: { readonly?: boolean; create?: boolean } = {}): DB {
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
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
    db.pragma('cache_size = -16000')
  } catch (err) {
    db?.close()
    throw openError(err, file)
  }
  cacheStatements(db)
  return db
}

/** A file that cannot be opened as a database is the user's mistake: say so in words, not a stack. */
function openError(err: unknown, file: string): unknown {
  const code = (err as { code?: string } | null)?.code
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
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
