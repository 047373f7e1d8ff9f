import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openDesk, type DeskCore } from '../app'
import { runCli } from '../cli'
import { latestVersion, migrate } from '../db/migrate'
import { openDatabase } from '../db/open'
import { ADMIN, expectFailure, makeDesk, tableCounts, tempDir, type TestDesk } from '../../../test/helpers'
import { buildLegacyDatabase, LEGACY_MIGRATIONS, LEGACY_PASSWORDS, SEED_DDL } from '../../../test/legacy'
import { adoptFile, LEGACY_TABLES, scaleBy100, SCALED_COLUMNS } from './adopt'

const CLIENT = { workstation: 'front-desk-1', userAgent: 'RapidCare Desk/test' }
const NOW = new Date('2025-04-01T06:00:00.000Z')
const MONEY = Object.entries(SCALED_COLUMNS).flatMap(([table, cols]) =>
  cols.filter((c) => c !== 'emergencyMultiplier').map((column) => ({ table, column })),
)

const open: { close(): void }[] = []
afterEach(() => {
  for (const o of open.splice(0)) o.close()
})

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

function legacyFile(): { dir: string; file: string } {
  const dir = tempDir('rapidcare-legacy-')
  const file = path.join(dir, 'database.sqlite')
  buildLegacyDatabase(file)
  return { dir, file }
}

/** What a reader of the legacy file sees: ids per table, rows, and money sums in taka. */
function readLegacy(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const ids: Record<string, number[]> = {}
    const rows: Record<string, Record<string, unknown>[]> = {}
    for (const t of Object.keys(LEGACY_TABLES)) {
      rows[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY id`).all() as Record<string, unknown>[]
      ids[t] = rows[t].map((r) => r.id as number)
    }
    const sums = MONEY.map(
      ({ table, column }) => db.prepare(`SELECT TOTAL("${column}") FROM "${table}"`).pluck().get() as number,
    )
    return { ids, rows, sums }
  } finally {
    db.close()
  }
}

function deskAt(dbPath: string): DeskCore & { raw: DeskCore['dispatcher']['call'] } {
  const desk = openDesk({ dbPath, logError: () => {} })
  open.push(desk)
  return { ...desk, raw: desk.dispatcher.call }
}

async function call<T>(
  desk: { raw: DeskCore['dispatcher']['call'] },
  channel: string,
  input: unknown,
  token: string | null = null,
) {
  const env = await desk.raw(channel, input, token)
  if (!env.ok) throw new Error(`${channel}: ${env.error.message}`)
  return env.value as T
}

describe('scaleBy100', () => {
  it('is exact for whole paisa, however the double prints', () => {
    expect(scaleBy100(0.29)).toEqual({ units: 29, exact: true })
    expect(scaleBy100(1500.5)).toEqual({ units: 150050, exact: true })
    expect(scaleBy100(1500)).toEqual({ units: 150000, exact: true })
    expect(scaleBy100('7999.99')).toEqual({ units: 799999, exact: true })
    expect(scaleBy100(-12.5)).toEqual({ units: -1250, exact: true })
    expect(scaleBy100(1e-7)).toEqual({ units: 0, exact: false })
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (paisa) => {
        expect(scaleBy100(paisa / 100)).toEqual({ units: paisa, exact: true })
      }),
    )
  })

  it('rounds half away from zero and says it was not exact', () => {
    expect(scaleBy100(0.1 + 0.2)).toEqual({ units: 30, exact: false })
    expect(scaleBy100(99.995)).toEqual({ units: 10000, exact: false })
    expect(scaleBy100(-99.995)).toEqual({ units: -10000, exact: false })
    expect(scaleBy100(1.004)).toEqual({ units: 100, exact: false })
    expect(scaleBy100('2.125')).toEqual({ units: 213, exact: false })
    expect(scaleBy100('-2.125')).toEqual({ units: -213, exact: false })
    expect(scaleBy100('ten taka')).toBeNull()
    expect(scaleBy100(Number.NaN)).toBeNull()
  })
})

describe('adopting a RapidCare back-end database', () => {
  it('keeps every row and id, converts money to paisa exactly, and the file then works as ours', async () => {
    const { dir, file } = legacyFile()
    const before = readLegacy(file)
    const legacyHash = sha(file)
    const target = path.join(dir, 'desk', 'rapidcare.sqlite')

    const report = adoptFile(file, target, { now: NOW, client: CLIENT })

    // The legacy file is untouched; its backup is a byte copy of it.
    expect(sha(file)).toBe(legacyHash)
    expect(sha(report.backupPath)).toBe(legacyHash)
    expect(path.dirname(report.backupPath)).toBe(path.dirname(target))
    expect(report.legacyMigrations).toEqual(LEGACY_MIGRATIONS)
    expect(report.schemaVersion).toBe(latestVersion())

    const desk = deskAt(target)
    const db = desk.db
    // Every row kept with its id, in all 13 tables (resources and audit gain rows, reported).
    for (const [table, ids] of Object.entries(before.ids)) {
      const now = db.prepare(`SELECT id FROM "${table}" ORDER BY id`).pluck().all() as number[]
      if (table === 'hospital_resources' || table === 'resource_audit_log') {
        expect(now.slice(0, ids.length)).toEqual(ids)
      } else {
        expect(now, table).toEqual(ids)
      }
      const entry = report.tables.find((t) => t.table === table)!
      expect(entry.legacyRows).toBe(ids.length)
      expect(entry.adoptedRows).toBe(now.length)
    }
    // Evercare never had an operation-theatre row; Rangpur had none: created at zero.
    expect(report.tables.find((t) => t.table === 'hospital_resources')).toMatchObject({
      legacyRows: 5,
      adoptedRows: 9,
    })

    // Money: every inexact amount is reported, and the sums match to the paisa once those
    // reported roundings are taken out.
    expect(report.inexact.map((x) => [x.table, x.id, x.column, x.legacyValue, x.paisa])).toEqual([
      ['transactions', 3, 'amount', 0.1 + 0.2, 30],
      ['transactions', 4, 'amount', 99.995, 10000],
    ])
    MONEY.forEach(({ table, column }, i) => {
      const paisa = db.prepare(`SELECT TOTAL("${column}") FROM "${table}"`).pluck().get() as number
      expect(Number.isInteger(paisa)).toBe(true)
      const rounding = report.inexact
        .filter((x) => x.table === table && x.column === column)
        .reduce((sum, x) => sum + (x.paisa - x.legacyValue * 100), 0)
      expect(Math.abs(paisa - rounding - before.sums[i]! * 100), `${table}.${column}`).toBeLessThan(1e-6)
      if (rounding === 0) expect(paisa).toBe(Math.round(before.sums[i]! * 100))
      const reported = report.money.find((m) => m.table === table && m.column === column)!
      expect(reported).toMatchObject({ paisaSum: paisa, legacySum: before.sums[i] })
    })
    const t1 = db.prepare('SELECT * FROM transactions WHERE id = 1').get() as Record<string, unknown>
    expect(t1).toMatchObject({ amount: 300075, platformFee: 29, hospitalShare: 300046, status: 'completed' })
    const pricing = db
      .prepare(
        'SELECT basePrice, pricePerHour, pricePerDay, emergencyMultiplier FROM hospital_pricing ORDER BY id',
      )
      .all()
    expect(pricing).toEqual([
      { basePrice: 150050, pricePerHour: 6252, pricePerDay: 150000, emergencyMultiplier: 150 },
      { basePrice: 800000, pricePerHour: null, pricePerDay: 799999, emergencyMultiplier: 125 },
      { basePrice: 120010, pricePerHour: null, pricePerDay: null, emergencyMultiplier: 100 },
    ])
    expect(db.prepare(`SELECT typeof(amount) FROM transactions GROUP BY 1`).pluck().all()).toEqual([
      'integer',
    ])

    // Statuses, references, JSON and other text kept as they were; timestamps now ISO 8601.
    const bookings = db
      .prepare('SELECT id, status, bookingReference, scheduledDate FROM bookings ORDER BY id')
      .all()
    expect(bookings).toEqual(
      before.rows.bookings!.map((b) => ({
        id: b.id,
        status: b.status,
        bookingReference: b.bookingReference,
        scheduledDate: b.scheduledDate,
      })),
    )
    const square = db.prepare('SELECT * FROM hospitals WHERE id = 1').get() as Record<string, string>
    expect(square.specialties).toBe(before.rows.hospitals![0]!.specialties)
    expect(square.createdAt).toBe('2023-01-20T08:00:00.000Z')
    expect(report.timestampsNormalised).toBeGreaterThan(40)

    // Resources hold the desk's invariant; the one that did not is reported with what was done.
    expect(report.resourceFixes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          hospitalId: 2,
          resourceType: 'beds',
          message: expect.stringMatching(/available was 30; adopted as 35/),
        }),
        expect.objectContaining({
          hospitalId: 2,
          resourceType: 'operationTheatres',
          message: 'had no row; created at zero.',
        }),
      ]),
    )
    expect(
      db.prepare('SELECT total, available, occupied FROM hospital_resources WHERE id = 4').get(),
    ).toEqual({
      total: 40,
      available: 35,
      occupied: 5,
    })

    // It behaves like one of ours: migrations have nothing to do, foreign keys hold, the trail verifies.
    expect(migrate(db).applied).toEqual([])
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')

    // Legacy users sign in with their bcrypt password and are moved to scrypt at that sign-in.
    const hashOf = (email: string) =>
      db.prepare('SELECT password FROM users WHERE email = ?').pluck().get(email) as string
    expect(hashOf('admin@rapidcare.com.bd')).toMatch(/^\$2[aby]\$/)
    const { token } = await call<{ token: string }>(desk, 'auth.login', {
      email: 'admin@rapidcare.com.bd',
      password: LEGACY_PASSWORDS['admin@rapidcare.com.bd'],
    })
    expect(hashOf('admin@rapidcare.com.bd')).toMatch(/^scrypt\$/)
    const again = await call<{ token: string }>(desk, 'auth.login', {
      email: 'admin@rapidcare.com.bd',
      password: LEGACY_PASSWORDS['admin@rapidcare.com.bd'],
    })
    expect(again.token).toBeTruthy()
    // A legacy suspended account stays suspended.
    const suspended = await desk.raw(
      'auth.login',
      {
        email: 'authority@evercare.example',
        password: LEGACY_PASSWORDS['authority@evercare.example'],
      },
      null,
    )
    expect(suspended.ok).toBe(false)

    const verified = await call<{ checked: number; problems: unknown[] }>(desk, 'audit.verify', {}, token)
    expect(verified).toMatchObject({ checked: 9, problems: [] })
    // The desk works on the adopted data: the authority edits its own resources.
    const authority = await call<{ token: string }>(desk, 'auth.login', {
      email: 'authority@squarehospital.com',
      password: LEGACY_PASSWORDS['authority@squarehospital.com'],
    })
    const icu = await call<{ total: number; available: number }>(
      desk,
      'resources.update',
      { hospitalId: 1, resourceType: 'icu', total: 22, maintenance: 0, reason: 'Two ICU beds added' },
      authority.token,
    )
    expect(icu).toMatchObject({ total: 22, available: 13 })
    expect((await call<{ problems: unknown[] }>(desk, 'audit.verify', {}, token)).problems).toEqual([])
    // New rows never reuse an id the back-end handed out (users went up to 9 before deletions).
    const created = await call<{ id: number }>(
      desk,
      'users.create',
      { name: 'New Desk', email: 'new@desk.example', password: 'new-desk-pass-1', role: 'user' },
      token,
    )
    expect(created.id).toBe(10)
  })

  it('converts the legacy file in place when it is the desk database, after backing it up', () => {
    const { file } = legacyFile()
    const legacyHash = sha(file)
    const before = readLegacy(file)
    const report = adoptFile(file, file, { now: NOW, client: CLIENT })
    expect(sha(report.backupPath)).toBe(legacyHash)
    expect(readLegacy(report.backupPath).ids).toEqual(before.ids)
    const desk = deskAt(file)
    expect(desk.db.pragma('user_version', { simple: true })).toBe(latestVersion())
    expect(desk.db.prepare('SELECT COUNT(*) FROM bookings').pluck().get()).toBe(5)
    expect(fs.existsSync(`${file}.adopting`)).toBe(false)
  })

  it('adopts rows that were still in the legacy write-ahead log', () => {
    const dir = tempDir('rapidcare-legacy-')
    const file = path.join(dir, 'database.sqlite')
    const writer = buildLegacyDatabase(file, { keepOpen: true })!
    writer.pragma('wal_autocheckpoint = 0')
    writer
      .prepare(`INSERT INTO payment_config (gateway, config) VALUES ('nagad', '{"merchant":"01800000000"}')`)
      .run()
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0)
    try {
      adoptFile(file, path.join(dir, 'desk.sqlite'), { now: NOW, client: CLIENT })
    } finally {
      writer.close()
    }
    const desk = deskAt(path.join(dir, 'desk.sqlite'))
    expect(desk.db.prepare('SELECT gateway FROM payment_config ORDER BY id').pluck().all()).toEqual([
      'bkash',
      'nagad',
    ])
  })

  it('is refused by a plain open or migrate: it must be adopted, and is left untouched', () => {
    const { file } = legacyFile()
    const hash = sha(file)
    expect(() => openDesk({ dbPath: file })).toThrow(
      /RapidCare back-end database.*Adopt it first: npm run cli -- adopt/,
    )
    const db = openDatabase(file)
    expect(() => migrate(db)).toThrow(/Adopt it first/)
    db.close()
    const other = path.join(path.dirname(file), 'other-app.sqlite')
    const o = new Database(other)
    o.exec('CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)')
    o.close()
    expect(() => openDesk({ dbPath: other })).toThrow(/another application's tables/)
    expect(sha(file)).toBe(hash)
    expect(
      new Database(file, { readonly: true }).prepare('SELECT COUNT(*) FROM migrations').pluck().get(),
    ).toBe(8)
  })

  it('refuses a file that is not a RapidCare database, or is corrupt, plainly, leaving it untouched', () => {
    const dir = tempDir('rapidcare-legacy-')
    const target = path.join(dir, 'desk.sqlite')
    const cases: [string, () => void, RegExp][] = [
      [
        'notes.txt',
        () => fs.writeFileSync(path.join(dir, 'notes.txt'), 'Shift notes: ICU bed 4 is free.\n'.repeat(20)),
        /not an SQLite database/,
      ],
      ['empty.sqlite', () => fs.writeFileSync(path.join(dir, 'empty.sqlite'), ''), /not an SQLite database/],
      [
        'other-app.sqlite',
        () => {
          const o = new Database(path.join(dir, 'other-app.sqlite'))
          o.exec(
            "CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO songs (title) VALUES ('Amar Sonar Bangla')",
          )
          o.close()
        },
        /not a RapidCare database: it has none of RapidCare's tables/,
      ],
      [
        'corrupt.sqlite',
        () => {
          const f = path.join(dir, 'corrupt.sqlite')
          buildLegacyDatabase(f)
          const fd = fs.openSync(f, 'r+')
          const size = fs.fstatSync(fd).size
          // Garble every page after the first: the header still says SQLite, the b-trees are noise.
          for (let at = 4096; at < size; at += 4096)
            fs.writeSync(fd, crypto.randomBytes(2048), 0, 2048, at + 512)
          fs.closeSync(fd)
        },
        /is damaged and cannot be adopted/,
      ],
      [
        'no-migrations.sqlite',
        () => {
          const o = new Database(path.join(dir, 'no-migrations.sqlite'))
          o.exec(SEED_DDL)
          o.close()
        },
        /lists none of the back-end's migrations/,
      ],
      [
        'older.sqlite',
        () => {
          // Schema v1.9: the back-end before 010_add_booking_reference.js.
          const o = new Database(path.join(dir, 'older.sqlite'))
          o.exec(
            'CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, filename TEXT UNIQUE NOT NULL, executed_at DATETIME DEFAULT CURRENT_TIMESTAMP)',
          )
          for (const f of LEGACY_MIGRATIONS.slice(0, -1))
            o.prepare('INSERT INTO migrations (filename) VALUES (?)').run(f)
          o.exec(SEED_DDL.replace(/^.*bookingReference.*$/gm, ''))
          o.close()
        },
        /older than schema v1.10 \(bookings lacks bookingReference\)/,
      ],
      ['folder', () => fs.mkdirSync(path.join(dir, 'folder')), /is a folder/],
    ]
    for (const [name, make, message] of cases) {
      make()
      const file = path.join(dir, name)
      const hash = fs.statSync(file).isFile() ? sha(file) : null
      expect(() => adoptFile(file, target, { now: NOW, client: CLIENT }), name).toThrow(message)
      if (hash) expect(sha(file), name).toBe(hash)
      expect(fs.existsSync(target), name).toBe(false)
      expect(
        fs.readdirSync(dir).filter((f) => f.includes('pre-adopt')),
        name,
      ).toEqual([])
    }
    expect(() => adoptFile(path.join(dir, 'missing.sqlite'), target, { now: NOW, client: CLIENT })).toThrow(
      /There is no file at/,
    )
  })

  it('refuses a desk database (it is already ours) and a legacy file whose references point nowhere', () => {
    const dir = tempDir('rapidcare-legacy-')
    const ours = path.join(dir, 'ours.sqlite')
    openDesk({ dbPath: ours }).close()
    expect(() => adoptFile(ours, path.join(dir, 'x.sqlite'), { now: NOW, client: CLIENT })).toThrow(
      /already a RapidCare Desk database/,
    )

    const broken = path.join(dir, 'broken.sqlite')
    buildLegacyDatabase(broken)
    const b = new Database(broken)
    b.pragma('foreign_keys = OFF')
    b.prepare('UPDATE bookings SET userId = 77 WHERE id = 3').run()
    b.close()
    const hash = sha(broken)
    const target = path.join(dir, 'desk.sqlite')
    expect(() => adoptFile(broken, target, { now: NOW, client: CLIENT })).toThrow(
      /1 row\(s\) pointing at rows that do not exist \(bookings row 3 → users\)\. Nothing was adopted/,
    )
    expect(sha(broken)).toBe(hash)
    expect(fs.existsSync(target)).toBe(false)
  })

  it('refuses to mix a legacy file into a desk that already holds data', () => {
    const { dir, file } = legacyFile()
    const target = path.join(dir, 'busy.sqlite')
    const busy = openDesk({ dbPath: target })
    busy.db.prepare(`INSERT INTO payment_config (gateway, config) VALUES ('cash', '{}')`).run()
    busy.close()
    expect(() => adoptFile(file, target, { now: NOW, client: CLIENT })).toThrow(
      /already holds data \(payment_config\)/,
    )
    const after = new Database(target, { readonly: true })
    expect(after.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(0)
    after.close()
  })
})

describe('the first-run choice: open an existing RapidCare database', () => {
  let desk: TestDesk
  afterEach(() => desk?.close())

  it('adopts the file into this desk, after which the legacy admin signs in', async () => {
    desk = makeDesk()
    const { file } = legacyFile()
    const hash = sha(file)
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('adopt.legacy', { path: 'database.sqlite', setupCode: desk.setupCode }),
      'VALIDATION',
      'path',
    )
    await expectFailure(
      desk.raw('adopt.legacy', { path: desk.dbPath, setupCode: desk.setupCode }),
      'VALIDATION',
      'path',
    )
    await expectFailure(
      desk.raw('adopt.legacy', { path: '/nonexistent/database.sqlite', setupCode: desk.setupCode }),
      'VALIDATION',
      'path',
    )
    await expectFailure(
      desk.raw('adopt.legacy', { path: file, extra: 1, setupCode: desk.setupCode }),
      'VALIDATION',
      'extra',
    )
    expect(tableCounts(desk)).toEqual(before)

    const report = await desk.call('adopt.legacy', { path: file, setupCode: desk.setupCode })
    expect(report.databasePath).toBe(desk.dbPath)
    expect(report.tables.find((t) => t.table === 'users')).toMatchObject({ legacyRows: 5, adoptedRows: 5 })
    expect(sha(file)).toBe(hash)
    expect((await desk.call('auth.status', {})).needsSetup).toBe(false)
    const token = await desk.login('admin@rapidcare.com.bd', LEGACY_PASSWORDS['admin@rapidcare.com.bd'])
    expect((await desk.call('hospitals.list', {}, token)).total).toBe(3)
    expect(desk.db.pragma('foreign_keys', { simple: true })).toBe(1)

    // Once an administrator exists the choice is gone.
    const { file: second } = legacyFile()
    await expectFailure(desk.raw('adopt.legacy', { path: second, setupCode: desk.setupCode }), 'CONFLICT')
  })

  it('is refused once the desk has its administrator', async () => {
    desk = makeDesk()
    await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })
    const { file } = legacyFile()
    const before = tableCounts(desk)
    const err = await expectFailure(
      desk.raw('adopt.legacy', { path: file, setupCode: desk.setupCode }),
      'CONFLICT',
    )
    expect(err.message).toMatch(/already set up/)
    expect(tableCounts(desk)).toEqual(before)
  })
})

describe('npm run cli -- adopt', () => {
  it('adopts, printing the report; a user error is one line and exit code 1', async () => {
    const { dir, file } = legacyFile()
    const out: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line))
    const err = vi.spyOn(console, 'error').mockImplementation((line: string) => void out.push(`ERR ${line}`))
    try {
      expect(await runCli(['adopt'])).toBe(1)
      expect(out.pop()).toMatch(/^ERR Which file\? Usage: npm run cli -- adopt LEGACY.sqlite/)
      expect(await runCli(['adopt', path.join(dir, 'nope.sqlite'), '--db', path.join(dir, 'd.sqlite')])).toBe(
        1,
      )
      expect(out.pop()).toBe(`ERR There is no file at ${path.join(dir, 'nope.sqlite')}.`)
      expect(await runCli(['adopt', file, '--db', path.join(dir, 'desk.sqlite')])).toBe(0)
      const text = out.join('\n')
      expect(text).toMatch(/Backed up .*database\.sqlite to .*database\.pre-adopt-/)
      expect(text).toMatch(/transactions #3 amount: 0\.30000000000000004 → 30/)
      expect(text).toMatch(/hospital 2 beds: available was 30; adopted as 35/)
    } finally {
      log.mockRestore()
      err.mockRestore()
    }
  })
})
