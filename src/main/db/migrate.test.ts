import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers'
import { latestVersion, loadMigrations, migrate, migrationStatus, schemaVersion } from './migrate'
import { openDatabase, type DB } from './open'

let db: DB
afterEach(() => db?.open && db.close())

function dump(d: DB): unknown {
  const objects = d.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY name`).all()
  const migrations = d.prepare(`SELECT filename, checksum FROM migrations ORDER BY id`).all()
  return { objects, migrations, version: schemaVersion(d) }
}

/** A copy of the real migrations folder plus extra files, to test the runner on our real SQL. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = tempDir('rapidcare-migrations-')
  for (const m of loadMigrations()) fs.writeFileSync(path.join(dir, m.filename), m.sql)
  for (const [name, sql] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), sql)
  return dir
}

describe('the migration runner', () => {
  it('applies every migration, records each with its checksum, and a second run changes nothing', () => {
    db = openDatabase(path.join(tempDir(), 'm.sqlite'))
    const first = migrate(db)
    expect(first.applied[0]).toBe('001_initial_schema.sql')
    expect(first.version).toBe(latestVersion())
    const rows = db.prepare('SELECT filename, executed_at, checksum FROM migrations').all() as {
      checksum: string
    }[]
    expect(rows).toHaveLength(loadMigrations().length)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true)
    const before = dump(db)
    expect(migrate(db).applied).toEqual([])
    expect(dump(db)).toEqual(before)
  })

  it('rolls a failing migration back whole, naming the file and the reason', () => {
    const file = path.join(tempDir(), 'm.sqlite')
    db = openDatabase(file)
    migrate(db)
    const before = dump(db)
    const next = latestVersion() + 1
    const name = `${String(next).padStart(3, '0')}_broken.sql`
    const dir = migrationsWith({
      [name]: `CREATE TABLE half_done (id INTEGER);\nINSERT INTO users (name) VALUES ('no email');`,
    })
    expect(() => migrate(db, loadMigrations(dir))).toThrow(new RegExp(`${name} failed.*NOT NULL`))
    expect(dump(db)).toEqual(before)
    expect(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'`).pluck().get()).toBe(0)
  })

  it('refuses a database from a newer app, untouched', () => {
    const file = path.join(tempDir(), 'm.sqlite')
    db = openDatabase(file)
    migrate(db)
    db.pragma(`user_version = ${latestVersion() + 5}`)
    const before = dump(db)
    expect(() => migrate(db)).toThrow(/newer than this app understands/)
    expect(dump(db)).toEqual(before)
  })

  it('keeps a copy of an existing database before migrating it, and never lowers the version', () => {
    const file = path.join(tempDir(), 'm.sqlite')
    db = openDatabase(file)
    const all = loadMigrations()
    migrate(db, all.slice(0, 1), { backup: true })
    db.prepare(`INSERT INTO users (name, email, password) VALUES ('Kept', 'kept@x.org', 'x')`).run()
    const result = migrate(db, all, { backup: all.length > 1 })
    if (all.length > 1) {
      expect(result.backup).toMatch(/m\.sqlite\.pre-migrate-v1-\d{8}-\d{6}\.sqlite$/)
      const copy = openDatabase(result.backup!, { readonly: true })
      expect(copy.prepare('SELECT name FROM users').pluck().all()).toEqual(['Kept'])
      expect(schemaVersion(copy)).toBe(1)
      copy.close()
    }
    // A fresh database has nothing to keep.
    const fresh = openDatabase(path.join(tempDir(), 'fresh.sqlite'))
    expect(migrate(fresh, all, { backup: true }).backup).toBeNull()
    fresh.close()

    const next = latestVersion() + 1
    const dir = migrationsWith({
      [`${String(next).padStart(3, '0')}_late_high.sql`]: 'CREATE TABLE late_high (id INTEGER);',
    })
    migrate(db, loadMigrations(dir))
    expect(schemaVersion(db)).toBe(next)
    const lowDir = migrationsWith({
      [`${String(next).padStart(3, '0')}_late_high.sql`]: 'CREATE TABLE late_high (id INTEGER);',
      '002_late_low.sql': 'CREATE TABLE late_low (id INTEGER);',
    })
    expect(migrate(db, loadMigrations(lowDir)).applied).toEqual(['002_late_low.sql'])
    expect(schemaVersion(db)).toBe(next)
  })

  it('reports an applied migration whose file was edited since', () => {
    db = openDatabase(path.join(tempDir(), 'm.sqlite'))
    migrate(db)
    const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m))
    expect(migrate(db, edited).edited).toEqual(['001_initial_schema.sql'])
    expect(migrationStatus(db, edited)[0]).toMatchObject({ applied: true, edited: true })
  })
})
