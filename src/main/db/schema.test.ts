/**
 * The schema is the seed's, checked against the seed's own DDL (test/fixtures, copied verbatim from
 * shared/seed), never against a copy of ours. Only the documented departures may differ.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers'
import { loadMigrations, migrate } from './migrate'
import { openDatabase, type DB } from './open'

const SEED_SQL = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/seed-schema-v1.10.sql'), 'utf8')
const SHARED_SEED = path.join(__dirname, '../../../../shared/seed/rapidcare-database-schema.md')

/** Money is stored as INTEGER paisa (documented in migration 001); every other column type is the seed's. */
const MONEY_COLUMNS: Record<string, string[]> = {
  hospital_pricing: ['basePrice', 'pricePerHour', 'pricePerDay', 'emergencyMultiplier'],
  transactions: ['amount', 'refundAmount', 'platformFee', 'hospitalShare'],
  user_balance: ['balance'],
  balance_transactions: ['amount', 'balanceBefore', 'balanceAfter'],
}
const CHANGED_DEFAULTS: Record<string, Record<string, string>> = {
  hospital_pricing: { emergencyMultiplier: '100' },
  user_balance: { balance: '0' },
}

function seedDb(): DB {
  const db = new Database(':memory:')
  db.exec(SEED_SQL)
  return db
}

function tables(db: DB): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[]
}

interface Col {
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
}

function columns(db: DB, table: string): Col[] {
  return db
    .prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`)
    .all(table) as Col[]
}

function indexes(db: DB, table: string): { name: string; unique: number; origin: string; cols: string }[] {
  const list = db
    .prepare(`SELECT name, "unique", origin FROM pragma_index_list(?) ORDER BY name`)
    .all(table) as {
    name: string
    unique: number
    origin: string
  }[]
  return list
    .map((i) => ({
      ...i,
      // Auto-indexes are named by position; compare UNIQUE constraints by their columns instead.
      name: i.origin === 'c' ? i.name : `unique(${i.origin})`,
      cols: (
        db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(i.name) as string[]
      ).join(','),
    }))
    .sort((a, b) => (a.name + a.cols).localeCompare(b.name + b.cols))
}

function foreignKeys(db: DB, table: string) {
  return db
    .prepare(`SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`)
    .all(table)
}

let ours: DB
afterEach(() => ours?.close())

/** A database built by migration 001 alone: it must be the seed's schema exactly. */
function fresh(): DB {
  const db = openDatabase(path.join(tempDir(), 'schema.sqlite'))
  migrate(
    db,
    loadMigrations().filter((m) => m.number === 1),
  )
  return db
}

function current(): DB {
  const db = openDatabase(path.join(tempDir(), 'schema.sqlite'))
  migrate(db)
  return db
}

/**
 * What later migrations add beside the seed's schema, each for a reason given in its migration.
 * Anything else that appears fails the test: the seed's schema never drifts silently.
 */
const ADDED_TABLES = [
  // 003: FTS5 trigram index for finding a patient by any part of the name, in any script.
  'bookings_name_fts',
  'bookings_name_fts_config',
  'bookings_name_fts_data',
  'bookings_name_fts_docsize',
  'bookings_name_fts_idx',
  // 005: partial refunds as rows, and cash-drawer shift closings.
  'shift_closings',
  'transaction_refunds',
  // 007: the change feed (and the later sync's outbox), filled by triggers.
  'changes',
  // 007: sessions that survive a restart (token hashes only).
  'sessions',
  // 008: the link between a referred booking and the booking it created.
  'booking_referrals',
  // 011: each user's language and digits.
  'user_preferences',
]

describe('migration 001 builds the seed schema', () => {
  it('the fixture is the seed document’s DDL, verbatim', () => {
    if (!fs.existsSync(SHARED_SEED)) return // a clone without shared/ beside it
    const doc = fs.readFileSync(SHARED_SEED, 'utf8')
    const blocks = [
      ...doc
        .split('## Core Tables')[1]!
        .split('## Relationship Diagrams')[0]!
        .matchAll(/```sql\n([\s\S]*?)```/g),
    ].map((m) => m[1]!)
    for (const block of blocks) expect(SEED_SQL).toContain(block)
  })

  it('has exactly the seed’s 13 tables', () => {
    ours = fresh()
    const seed = seedDb()
    expect(tables(seed)).toHaveLength(13)
    expect(tables(ours)).toEqual(tables(seed))
  })

  it('has the seed’s columns, in order, with their types, NOT NULLs, defaults and keys (money as paisa)', () => {
    ours = fresh()
    const seed = seedDb()
    for (const table of tables(seed)) {
      const expected = columns(seed, table).map((c) => {
        const money = MONEY_COLUMNS[table]?.includes(c.name)
        const dflt = CHANGED_DEFAULTS[table]?.[c.name]
        return { ...c, type: money ? 'INTEGER' : c.type, dflt_value: dflt ?? c.dflt_value }
      })
      expect(columns(ours, table), table).toEqual(expected)
    }
  })

  it('has every index the seed lists, the composite ones too, and its UNIQUE constraints', () => {
    ours = fresh()
    const seed = seedDb()
    for (const table of tables(seed)) expect(indexes(ours, table), table).toEqual(indexes(seed, table))
  })

  it('has the seed’s foreign keys with their ON DELETE actions', () => {
    ours = fresh()
    const seed = seedDb()
    for (const table of tables(seed))
      expect(foreignKeys(ours, table), table).toEqual(foreignKeys(seed, table))
  })

  it('after every migration, still has every seed table, column, index and foreign key; additions are only the listed ones', () => {
    ours = current()
    const seed = seedDb()
    const extraTables = tables(ours).filter((t) => !tables(seed).includes(t))
    expect(extraTables.sort()).toEqual([...ADDED_TABLES].sort())
    for (const table of tables(seed)) {
      const names = (cols: Col[]) => cols.map((c) => c.name)
      expect(names(columns(ours, table)), table).toEqual(names(columns(seed, table)))
      const ourIndexes = indexes(ours, table)
      for (const index of indexes(seed, table)) expect(ourIndexes, table).toContainEqual(index)
      expect(foreignKeys(ours, table), table).toEqual(foreignKeys(seed, table))
    }
  })

  it('keeps the seed’s CHECKs, and adds the admission step', () => {
    ours = fresh()
    const sql = (t: string) =>
      ours.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(t) as string
    expect(sql('users')).toContain(`CHECK(role IN ('user', 'hospital-authority', 'admin'))`)
    expect(sql('blood_requests')).toContain(
      `CHECK(bloodType IN ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'))`,
    )
    expect(sql('bookings')).toContain(
      `'pending', 'approved', 'admitted', 'declined', 'cancelled', 'completed'`,
    )
    expect(sql('booking_notifications')).toContain(`'booking_admitted'`)
  })
})

describe('the database enforces its own rules', () => {
  function hospital(db: DB): number {
    return Number(
      db.prepare(`INSERT INTO hospitals (name, address, phone) VALUES ('H', 'A', '0123456789')`).run()
        .lastInsertRowid,
    )
  }

  it('refuses resource counts that break available + occupied + reserved + maintenance = total', () => {
    ours = current()
    const h = hospital(ours)
    const insert = ours.prepare(
      `INSERT INTO hospital_resources (hospitalId, resourceType, total, available, occupied, reserved, maintenance) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    insert.run(h, 'beds', 10, 5, 3, 1, 1)
    expect(() => insert.run(h, 'icu', 10, 5, 3, 1, 0)).toThrow(/CHECK/)
    expect(() => insert.run(h, 'icu', 0, -1, 1, 0, 0)).toThrow(/CHECK/)
    expect(() => ours.prepare(`UPDATE hospital_resources SET available = available - 1`).run()).toThrow(
      /CHECK/,
    )
  })

  it('refuses UPDATE and DELETE on the audit tables', () => {
    ours = current()
    const h = hospital(ours)
    ours.prepare(`INSERT INTO users (name, email, password) VALUES ('U', 'u@x.org', 'x')`).run()
    ours
      .prepare(
        `INSERT INTO resource_audit_log (hospitalId, resourceType, action) VALUES (?, 'beds', 'update')`,
      )
      .run(h)
    ours.prepare(`INSERT INTO balance_transactions (userId, type, amount) VALUES (1, 'credit', 100)`).run()
    for (const table of ['resource_audit_log', 'balance_transactions']) {
      expect(() => ours.prepare(`UPDATE ${table} SET createdAt = 'x'`).run()).toThrow(/append-only/)
      expect(() => ours.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/)
    }
    ours
      .prepare(
        `INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition,
          emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate)
         VALUES (1, ?, 'beds', 'P', 30, 'male', 'C', 'E', '017', 'R', '2026-01-01')`,
      )
      .run(h)
    ours.prepare(`INSERT INTO booking_status_history (bookingId, newStatus) VALUES (1, 'pending')`).run()
    expect(() => ours.prepare(`UPDATE booking_status_history SET reason = 'x'`).run()).toThrow(/append-only/)
    expect(() => ours.prepare(`DELETE FROM booking_status_history`).run()).toThrow(/append-only/)
  })

  it('opens with WAL, foreign keys and synchronous=FULL', () => {
    ours = current()
    expect(ours.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ours.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ours.pragma('synchronous', { simple: true })).toBe(2)
  })
})
