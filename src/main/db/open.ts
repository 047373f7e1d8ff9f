import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export type DB = Database.Database

/**
 * Open the desk's database with the pragmas DESIGN.md sets. synchronous=FULL, not NORMAL: with NORMAL
 * a committed admission can vanish in a power cut; FULL still commits thousands a second.
 */
export function openDatabase(file: string, options: { readonly?: boolean; create?: boolean } = {}): DB {
  if (file !== ':memory:' && options.create !== false && !options.readonly) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
  }
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.create === false || options.readonly === true,
    nativeBinding: process.env.RAPIDCARE_SQLITE_BINDING || undefined,
  })
  if (!options.readonly) db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('cache_size = -16000')
  return db
}

/** Run `fn` in one write transaction taken up front (BEGIN IMMEDIATE), so two writers never interleave. */
export function writeTx<T>(db: DB, fn: () => T): T {
  return db.transaction(fn).immediate()
}

export function nowIso(date: Date = new Date()): string {
  return date.toISOString()
}
