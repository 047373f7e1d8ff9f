/**
 * The migration runner: numbered SQL files, each applied in its own transaction and recorded in the
 * seed's `migrations` table (filename, executed_at) plus a checksum. PRAGMA user_version holds the
 * number of the last one applied, so a database from a newer app is recognised and refused.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DeskError } from '../../shared/errors'
import { registerFunctions } from './functions'
import type { DB } from './open'
import { migrationsDir } from './paths'

export interface Migration {
  number: number
  filename: string
  sql: string
  checksum: string
}

export interface MigrationStatus {
  filename: string
  number: number
  applied: boolean
  executedAt: string | null
  /** The file changed after it was applied. */
  edited: boolean
}

const NAME = /^(\d{3})_[a-z0-9_]+\.sql$/

export function loadMigrations(dir: string = migrationsDir()): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
  const seen = new Set<number>()
  return files.map((filename) => {
    const number = Number(NAME.exec(filename)![1])
    if (seen.has(number)) throw new Error(`Two migrations are numbered ${number}`)
    seen.add(number)
    const sql = fs.readFileSync(path.join(dir, filename), 'utf8')
    return { number, filename, sql, checksum: sha256(sql) }
  })
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex')
}

function ensureTable(db: DB): void {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    filename TEXT UNIQUE NOT NULL,
    executed_at DATETIME DEFAULT CURRENT_TIMESTAMP
  )`)
  const cols = db.prepare(`SELECT name FROM pragma_table_info('migrations')`).pluck().all() as string[]
  if (!cols.includes('checksum')) db.exec('ALTER TABLE migrations ADD COLUMN checksum TEXT')
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function latestVersion(migrations: Migration[] = loadMigrations()): number {
  return migrations.reduce((max, m) => Math.max(max, m.number), 0)
}

/** Refuse a database written by a newer app, touching nothing. */
export function assertNotNewer(db: DB, migrations: Migration[] = loadMigrations()): void {
  const version = schemaVersion(db)
  const latest = latestVersion(migrations)
  if (version > latest) {
    throw new DeskError(
      'CONFLICT',
      `This database has schema version ${version}, newer than this app understands (${latest}). Update RapidCare Desk to open it.`,
    )
  }
}

export function migrationStatus(db: DB, migrations: Migration[] = loadMigrations()): MigrationStatus[] {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='migrations'`).get()
  const rows = hasTable
    ? (db.prepare('SELECT * FROM migrations').all() as {
        filename: string
        executed_at: string
        checksum?: string | null
      }[])
    : []
  const byName = new Map(rows.map((r) => [r.filename, r]))
  return migrations.map((m) => {
    const row = byName.get(m.filename)
    return {
      filename: m.filename,
      number: m.number,
      applied: !!row,
      executedAt: row?.executed_at ?? null,
      edited: !!row?.checksum && row.checksum !== m.checksum,
    }
  })
}

export interface MigrateResult {
  applied: string[]
  version: number
  /** Already-applied files whose text has changed since. */
  edited: string[]
}

/**
 * Refuse, touching nothing, a file that is not a desk database yet. A RapidCare back-end database
 * (user_version 0, its `migrations` table listing the back-end's `.js` files) must be adopted, not
 * migrated: 001 run over it would fail half-way at best. Any other file with tables is another
 * application's, and gets none of ours.
 */
export function assertDeskDatabase(db: DB): void {
  if (schemaVersion(db) > 0) return
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[]
  const hasFilename = !!db
    .prepare(`SELECT 1 FROM pragma_table_info('migrations') WHERE name = 'filename'`)
    .get()
  const legacy =
    hasFilename && !!db.prepare(`SELECT 1 FROM migrations WHERE filename LIKE '%.js' LIMIT 1`).get()
  if (legacy) {
    throw new DeskError(
      'CONFLICT',
      `${db.name} is a RapidCare back-end database (schema v1.10), not yet a desk database. Adopt it first: npm run cli -- adopt "${db.name}"`,
    )
  }
  if (tables.some((t) => t !== 'migrations')) {
    throw new DeskError(
      'CONFLICT',
      `${db.name} holds another application's tables, not a RapidCare Desk database; it was left as it was.`,
    )
  }
}

/**
 * Before migrating a database that already holds the desk's data, keep a copy of it as it was:
 * `<file>.pre-migrate-v<version>-<timestamp>.sqlite`, made with VACUUM INTO (a consistent snapshot
 * even in WAL mode). Returns its path, or null when there was nothing to keep.
 */
export function backupBeforeMigrate(db: DB, now: Date = new Date()): string | null {
  if (db.memory || !db.name) return null
  const version = schemaVersion(db)
  if (version === 0) return null
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
  const target = `${db.name}.pre-migrate-v${version}-${stamp}.sqlite`
  db.prepare('VACUUM INTO ?').run(target)
  return target
}

export interface MigrateOptions {
  /** Keep a copy of an existing database before applying anything to it (the desk does; tests may not). */
  backup?: boolean
}

export function migrate(
  db: DB,
  migrations: Migration[] = loadMigrations(),
  options: MigrateOptions = {},
): MigrateResult & { backup: string | null } {
  assertNotNewer(db, migrations)
  assertDeskDatabase(db)
  ensureTable(db)
  registerFunctions(db)
  const done = new Set(db.prepare('SELECT filename FROM migrations').pluck().all() as string[])
  const pending = migrations.filter((m) => !done.has(m.filename))
  const backup = pending.length > 0 && options.backup ? backupBeforeMigrate(db) : null
  const applied: string[] = []
  const record = db.prepare('INSERT INTO migrations (filename, checksum) VALUES (?, ?)')
  for (const m of pending) {
    const run = db.transaction(() => {
      db.exec(m.sql)
      record.run(m.filename, m.checksum)
      // Never lower the version: a lower-numbered file applied late must not make the file look older.
      if (m.number > schemaVersion(db)) db.pragma(`user_version = ${m.number}`)
    })
    try {
      run.immediate()
    } catch (err) {
      throw new DeskError(
        'INTERNAL',
        `Migration ${m.filename} failed and was rolled back: ${(err as Error).message}`,
        {
          migration: m.filename,
        },
      )
    }
    applied.push(m.filename)
  }
  const edited = migrationStatus(db, migrations)
    .filter((s) => s.edited)
    .map((s) => s.filename)
  return { applied, version: schemaVersion(db), edited, backup }
}
