/** Backups and restore on real files: export, consistency under writes, round trip, every refusal, retention. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import type { BackupManifest } from '../../shared/contract/backup'
import { backupsFolder, gzipHeaderWith, readBackupHead } from '../db/backup'
import { latestVersion, loadMigrations, migrate } from '../db/migrate'
import { openDatabase, type DB } from '../db/open'
import { workerScript } from '../db/tasks'
import { pruneBackups, removeStaleTemporaries, startAutomaticBackups } from './backupSchedule'
import { exportBackup, type BackupDeps } from './backup'
import { registerFunctions } from '../db/functions'

let desks: TestDesk[] = []
afterEach(() => {
  for (const d of desks) d.live.close()
  desks = []
})

function desk(options: { now?: () => Date } = {}): TestDesk {
  const d = makeDesk(options)
  desks.push(d)
  return d
}

/** The handle now (makeDesk's `db` is the one it opened; a restore replaces it). */
const db = (d: TestDesk): DB => d.live.db
const counts = (d: TestDesk) => tableCounts({ ...d, db: db(d) })

/** COUNT(*) of the tables that hold records: not a full-text index's virtual table or its shadows. */
function recordCounts(d: TestDesk): Record<string, number> {
  const virtual = db(d)
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    Object.entries(tableCounts({ ...d, db: db(d) }, { plumbing: true })).filter(
      ([name]) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)),
    ),
  )
}

/** A small hospital's worth of rows across the seed's tables. */
function seed(database: DB, tag = 'A'): void {
  const now = new Date().toISOString()
  database.transaction(() => {
    const h = database
      .prepare(
        `INSERT INTO hospitals (name, address, phone, status, createdAt, updatedAt) VALUES (?, 'Dhaka', '+8801700000000', 'approved', ?, ?)`,
      )
      .run(`Hospital ${tag}`, now, now).lastInsertRowid
    const u = database
      .prepare(
        `INSERT INTO users (name, email, password, role, createdAt, updatedAt) VALUES (?, ?, 'x', 'user', ?, ?)`,
      )
      .run(
        `Desk ${tag}`,
        `desk-${tag.toLowerCase()}-${crypto.randomUUID()}@rapidcare.test`,
        now,
        now,
      ).lastInsertRowid
    database
      .prepare(
        `INSERT INTO hospital_resources (hospitalId, resourceType, total, available) VALUES (?, 'beds', 10, 10)`,
      )
      .run(h)
    for (let i = 0; i < 5; i++) {
      const b = database
        .prepare(
          `INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition,
             emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate, status, bookingReference, createdAt, updatedAt)
           VALUES (?, ?, 'beds', ?, 40, 'female', 'Fever', 'Kin', '+8801711111111', 'sister', ?, 'pending', ?, ?, ?)`,
        )
        .run(
          u,
          h,
          `Patient ${tag}${i}`,
          now,
          `RC-2026-${tag}${crypto.randomUUID().slice(0, 8)}`,
          now,
          now,
        ).lastInsertRowid
      database
        .prepare(
          `INSERT INTO booking_status_history (bookingId, oldStatus, newStatus, changedBy, changedAt) VALUES (?, NULL, 'pending', ?, ?)`,
        )
        .run(b, u, now)
    }
  })()
}

/** Every row of every table, to compare two databases exactly. */
function dump(database: DB): Record<string, unknown[]> {
  const tables = database
    .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[]
  // Rows as sorted JSON: some tables (FTS shadows) have no rowid to order by.
  const rows = (t: string) =>
    (database.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()
  return Object.fromEntries(tables.map((t) => [t, rows(t)]))
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** The live database's bytes (main file and WAL), to prove a refusal did not touch it. */
function liveBytes(d: TestDesk): string {
  return [d.dbPath, `${d.dbPath}-wal`].map((f) => (fs.existsSync(f) ? sha(f) : '-')).join('/')
}

function depsOf(d: TestDesk, now: () => Date = () => new Date()): BackupDeps {
  return {
    dbPath: d.dbPath,
    live: d.live,
    now,
    app: d.app,
    client: { workstation: 'desk-1', userAgent: 'test' },
  }
}

/** The same backup with a different manifest (createdAt, kind): a cheap stand-in for backups of other days. */
function copyWithManifest(src: string, dest: string, patch: Partial<BackupManifest>): void {
  const bytes = fs.readFileSync(src)
  const manifest = readBackupHead(src).manifest!
  const headerLength = 12 + bytes.readUInt16LE(10)
  fs.writeFileSync(
    dest,
    Buffer.concat([gzipHeaderWith({ ...manifest, ...patch }), bytes.subarray(headerLength)]),
  )
}

describe('backup.export', () => {
  it('writes a verified, standard gzip backup whose manifest matches the live database', async () => {
    const d = desk()
    const token = await d.adminToken()
    seed(db(d))
    const result = await d.call('backup.export', {}, token)

    expect(path.dirname(result.path)).toBe(backupsFolder(d.dbPath))
    expect(result.file).toMatch(/^rapidcare-backup-\d{8}-\d{6}\.sqlite\.gz$/)
    // Any gunzip reads it; what comes out is the database the manifest describes.
    const raw = zlib.gunzipSync(fs.readFileSync(result.path))
    expect(raw.subarray(0, 15).toString()).toBe('SQLite format 3')
    expect(crypto.createHash('sha256').update(raw).digest('hex')).toBe(result.manifest.sha256)
    expect(raw.length).toBe(result.manifest.sizeBytes)
    expect(result.manifest).toMatchObject({
      appName: 'RapidCare Desk',
      schemaVersion: latestVersion(),
      kind: 'manual',
      workstation: expect.any(String),
    })
    expect(result.manifest.tables).toEqual(recordCounts(d))
    // Self-contained: opens with no -wal/-shm beside it.
    const copy = path.join(d.dir, 'copy.sqlite')
    fs.writeFileSync(copy, raw)
    const opened = new Database(copy, { readonly: true })
    expect(opened.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(opened.prepare('SELECT COUNT(*) FROM bookings').pluck().get()).toBe(5)
    opened.close()
    // Nothing half-made is left beside it.
    expect(fs.readdirSync(backupsFolder(d.dbPath))).toEqual([result.file])

    const list = await d.call('backup.list', {}, token)
    expect(list.total).toBe(1)
    expect(list.items[0]).toMatchObject({
      file: result.file,
      verification: 'verified',
      kind: 'manual',
      sizeBytes: result.sizeBytes,
    })
    expect(list.running).toBeNull()
  })

  it('is consistent while another connection keeps writing', async () => {
    const d = desk()
    const token = await d.adminToken()
    // Enough pages that the snapshot takes many steps.
    const bulk = db(d).prepare(`INSERT INTO payment_config (gateway, config) VALUES ('bulk', ?)`)
    db(d).transaction(() => {
      for (let i = 0; i < 4000; i++) bulk.run('x'.repeat(2000))
    })()
    const writer = openDatabase(d.dbPath)
    const pair = writer.transaction(() => {
      writer.prepare(`INSERT INTO payment_config (gateway, config) VALUES ('a', '{}')`).run()
      writer.prepare(`INSERT INTO payment_config (gateway, config) VALUES ('b', '{}')`).run()
    })
    let writes = 0
    let stop = false
    const writing = (async () => {
      while (!stop) {
        pair.immediate()
        writes++
        await new Promise((r) => setImmediate(r))
      }
    })()
    const before = writes
    const exporting = d.call('backup.export', {}, token)
    await new Promise((r) => setImmediate(r)) // let the job start
    // The desk answers while the backup runs (it runs in a worker), and shows its progress.
    const meanwhile = await d.call('backup.list', {}, token)
    expect(meanwhile.running).toMatchObject({ kind: 'export', percent: expect.any(Number) })
    const result = await exporting
    const during = writes - before
    stop = true
    await writing
    writer.close()

    expect(during).toBeGreaterThan(0)
    const raw = path.join(d.dir, 'raw.sqlite')
    fs.writeFileSync(raw, zlib.gunzipSync(fs.readFileSync(result.path)))
    const snap = new Database(raw, { readonly: true })
    const count = (g: string) =>
      snap.prepare(`SELECT COUNT(*) FROM payment_config WHERE gateway = ?`).pluck().get(g)
    // Each pair was one transaction: a consistent snapshot holds both halves of every pair or neither.
    expect(count('a')).toBe(count('b'))
    expect(snap.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(snap.prepare('SELECT COUNT(*) FROM payment_config').pluck().get()).toBe(
      result.manifest.tables.payment_config,
    )
    snap.close()
  })

  it('is for administrators only', async () => {
    const d = desk()
    const token = await d.adminToken()
    await d.call(
      'users.create',
      { name: 'Front Desk', email: 'desk@rapidcare.test', password: 'front-desk-pass-1', role: 'user' },
      token,
    )
    const desker = await d.login('desk@rapidcare.test', 'front-desk-pass-1')
    await expectFailure(d.raw('backup.export', {}, desker), 'FORBIDDEN')
    await expectFailure(d.raw('backup.list', {}, desker), 'FORBIDDEN')
    await expectFailure(d.raw('backup.restore', { file: 'x.sqlite.gz' }, desker), 'FORBIDDEN')
    expect(fs.existsSync(backupsFolder(d.dbPath))).toBe(false)
  })
})

describe('backup.restore', () => {
  it('brings back exactly the backed-up rows, keeping the replaced database aside', async () => {
    const d = desk()
    const token = await d.adminToken()
    seed(db(d), 'A')
    const backedUp = dump(db(d))
    const { file, manifest } = await d.call('backup.export', {}, token)

    // Life goes on after the backup.
    seed(db(d), 'B')
    db(d).prepare(`UPDATE hospitals SET name = 'Renamed' WHERE name = 'Hospital A'`).run()
    const changed = dump(db(d))

    const check = await d.call('backup.restore', { file }, token)
    expect(check.restored).toBe(false)
    expect(check.backup).toMatchObject({
      createdAt: manifest.createdAt,
      tables: manifest.tables,
      sha256: manifest.sha256,
    })
    expect(dump(db(d))).toEqual(changed) // checking changes nothing

    const result = await d.call('backup.restore', { file, sha256: check.backup.sha256 }, token)
    if (!result.restored) throw new Error('not restored')
    expect(dump(db(d))).toEqual(backedUp)
    expect(result.preRestorePath).toMatch(/desk\.sqlite\.pre-restore-\d{8}-\d{6}$/)
    const aside = new Database(result.preRestorePath!, { readonly: true })
    registerFunctions(aside) // the name index makes its words through the desk's rc_name_tokens()
    expect(dump(aside)).toEqual(changed)
    aside.close()
    // The desk goes on, on the restored file, and the admin (same person in both) is still signed in.
    expect((await d.call('auth.me', {}, token)).email).toBe('admin@rapidcare.test')
    expect(db(d).pragma('journal_mode', { simple: true })).toBe('wal')
    seed(db(d), 'C')
    expect(db(d).prepare('SELECT COUNT(*) FROM hospitals').pluck().get()).toBe(2)
    // No staging file is left.
    expect(fs.readdirSync(d.dir).filter((f) => f.includes('.restore-'))).toEqual([])
  })

  it('signs out a session whose user id names someone else in the restored database', async () => {
    const d = desk()
    const token = await d.adminToken()
    const { file } = await d.call('backup.export', {}, token)
    await d.call(
      'users.create',
      { name: 'Later User', email: 'later@rapidcare.test', password: 'later-user-pass-1', role: 'user' },
      token,
    )
    const later = await d.login('later@rapidcare.test', 'later-user-pass-1')
    const check = await d.call('backup.restore', { file }, token)
    await d.call('backup.restore', { file, sha256: check.backup.sha256 }, token)
    await expectFailure(d.raw('auth.me', {}, later), 'UNAUTHENTICATED')
    await d.call('auth.me', {}, token)
  })

  it('brings a backup from an older schema forward', async () => {
    const d = desk()
    const token = await d.adminToken()
    const older = path.join(d.dir, 'older.sqlite')
    const o = openDatabase(older)
    migrate(
      o,
      loadMigrations().filter((m) => m.number === 1),
    )
    seed(o, 'Old')
    o.pragma('journal_mode = DELETE')
    o.close()
    fs.mkdirSync(backupsFolder(d.dbPath), { recursive: true })
    fs.writeFileSync(
      path.join(backupsFolder(d.dbPath), 'older.sqlite.gz'),
      zlib.gzipSync(fs.readFileSync(older)),
    )

    const list = await d.call('backup.list', {}, token)
    expect(list.items[0]).toMatchObject({
      file: 'older.sqlite.gz',
      verification: 'unverified',
      manifest: null,
    })
    const check = await d.call('backup.restore', { file: 'older.sqlite.gz' }, token)
    expect(check.backup).toMatchObject({ schemaVersion: 1, hasManifest: false, createdAt: null })
    const result = await d.call(
      'backup.restore',
      { file: 'older.sqlite.gz', sha256: check.backup.sha256 },
      token,
    )
    expect(result).toMatchObject({
      restored: true,
      schemaVersionBefore: 1,
      schemaVersionAfter: latestVersion(),
    })
    expect(db(d).pragma('user_version', { simple: true })).toBe(latestVersion())
    expect(db(d).prepare(`SELECT name FROM hospitals`).pluck().all()).toEqual(['Hospital Old'])
  })

  it('refuses to swap the file while another program has the database open, and carries on', async () => {
    const d = desk()
    const token = await d.adminToken()
    const { file } = await d.call('backup.export', {}, token)
    seed(db(d))
    const rows = counts(d)
    const other = openDatabase(d.dbPath) // another desk or tool
    other.prepare('SELECT COUNT(*) FROM users').get()
    const check = await d.call('backup.restore', { file }, token)
    const failure = await expectFailure(
      d.raw('backup.restore', { file, sha256: check.backup.sha256 }, token),
      'CONFLICT',
    )
    expect(failure.message).toMatch(/Another program has this database open/)
    other.close()
    expect(counts(d)).toEqual(rows)
    expect(fs.readdirSync(d.dir).filter((f) => /pre-restore|\.restore-/.test(f))).toEqual([])
    seed(db(d), 'After') // the desk goes on, on its own database
    expect(db(d).prepare('SELECT COUNT(*) FROM hospitals').pluck().get()).toBe(2)
  })

  it('refuses a backup that is not the one confirmed', async () => {
    const d = desk()
    const token = await d.adminToken()
    const { file } = await d.call('backup.export', {}, token)
    const before = liveBytes(d)
    const failure = await expectFailure(
      d.raw('backup.restore', { file, sha256: 'a'.repeat(64) }, token),
      'CONFLICT',
    )
    expect(failure.message).toMatch(/not the one you confirmed/)
    expect(liveBytes(d)).toBe(before)
  })

  describe('refuses, leaving the live database byte for byte as it was', () => {
    async function refused(make: (folder: string, good: string, d: TestDesk) => void, reason: RegExp) {
      const d = desk()
      const token = await d.adminToken()
      seed(db(d))
      const { path: good } = await d.call('backup.export', {}, token)
      const folder = backupsFolder(d.dbPath)
      make(folder, good, d)
      const bytes = liveBytes(d)
      const rows = counts(d)
      for (const input of [{ file: 'bad.sqlite.gz' }, { file: 'bad.sqlite.gz', sha256: 'b'.repeat(64) }]) {
        const failure = await expectFailure(d.raw('backup.restore', input, token), 'VALIDATION', 'file')
        expect(failure.message).toMatch(reason)
      }
      expect(liveBytes(d)).toBe(bytes)
      expect(counts(d)).toEqual(rows)
      expect(fs.readdirSync(d.dir).filter((f) => /pre-restore|\.restore-/.test(f))).toEqual([])
      await d.call('auth.me', {}, token) // still working
    }

    const bad = (folder: string) => path.join(folder, 'bad.sqlite.gz')

    it('corrupt: bytes flipped', async () => {
      await refused((folder, good) => {
        const bytes = fs.readFileSync(good)
        for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 16; i++)
          bytes[i] = bytes[i]! ^ 0xff
        fs.writeFileSync(bad(folder), bytes)
      }, /damaged/)
    })

    it('truncated', async () => {
      await refused((folder, good) => {
        const bytes = fs.readFileSync(good)
        fs.writeFileSync(bad(folder), bytes.subarray(0, Math.floor(bytes.length * 0.6)))
      }, /cut short|truncated/)
    })

    it('empty', async () => {
      await refused((folder) => fs.writeFileSync(bad(folder), ''), /empty/)
    })

    it('not SQLite: a text file, and a gzip of text', async () => {
      await refused(
        (folder) => fs.writeFileSync(bad(folder), 'patient list, not a database\n'),
        /not a RapidCare backup/,
      )
      await refused(
        (folder) => fs.writeFileSync(bad(folder), zlib.gzipSync('not a database '.repeat(200))),
        /not hold a SQLite database/,
      )
    })

    it('not RapidCare: another application’s SQLite database', async () => {
      await refused((folder, _good, d) => {
        const other = path.join(d.dir, 'other.sqlite')
        const o = new Database(other)
        o.exec(
          `CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES ('dal')`,
        )
        o.close()
        fs.writeFileSync(bad(folder), zlib.gzipSync(fs.readFileSync(other)))
      }, /not a RapidCare one/)
    })

    it('from a newer schema', async () => {
      await refused((folder, good, d) => {
        const newer = path.join(d.dir, 'newer.sqlite')
        fs.writeFileSync(newer, zlib.gunzipSync(fs.readFileSync(good)))
        const n = new Database(newer)
        n.pragma(`user_version = ${latestVersion() + 1}`)
        n.close()
        fs.writeFileSync(bad(folder), zlib.gzipSync(fs.readFileSync(newer)))
      }, /newer RapidCare Desk/)
    })

    it('whose contents do not match its manifest', async () => {
      await refused((folder, good) => {
        // A valid gzip of a valid database, but not the one the manifest names.
        const manifest = readBackupHead(good).manifest!
        const other = zlib.gzipSync(Buffer.concat([zlib.gunzipSync(fs.readFileSync(good))]))
        const body = other.subarray(10)
        fs.writeFileSync(
          bad(folder),
          Buffer.concat([gzipHeaderWith({ ...manifest, sha256: 'c'.repeat(64) }), body]),
        )
      }, /does not match the checksum/)
    })
  })

  it('refuses a name outside the backups folder or one that is not there', async () => {
    const d = desk()
    const token = await d.adminToken()
    await expectFailure(d.raw('backup.restore', { file: '../desk.sqlite' }, token), 'VALIDATION', 'file')
    const missing = await expectFailure(
      d.raw('backup.restore', { file: 'nope.sqlite.gz' }, token),
      'VALIDATION',
      'file',
    )
    expect(missing.message).toMatch(/no backup named nope\.sqlite\.gz/)
  })
})

describe('automatic backups and retention', () => {
  const at = (iso: string) => new Date(iso)

  it('backs up at the first start of a day, and on each 24-hour tick', async () => {
    let now = at('2026-03-10T09:00:00')
    const d = desk({ now: () => now })
    const deps = depsOf(d, () => now)
    const silent = { log: () => {}, intervalMs: 1e9, startDelayMs: 0 }

    const first = startAutomaticBackups(deps, silent)
    await first.started
    first.stop()
    now = at('2026-03-10T17:30:00')
    const again = startAutomaticBackups(deps, silent)
    await again.started
    const auto = () => fs.readdirSync(backupsFolder(d.dbPath)).length
    expect(auto()).toBe(1) // the same day: not again

    now = at('2026-03-11T17:30:00')
    await again.tick()
    again.stop()
    expect(auto()).toBe(2)
    now = at('2026-03-12T08:00:00')
    const nextDay = startAutomaticBackups(deps, silent)
    await nextDay.started
    nextDay.stop()
    expect(auto()).toBe(3)
    const list = await d.call('backup.list', {}, await d.adminToken())
    expect(list.items.map((i) => [i.kind, i.verification])).toEqual([
      ['automatic', 'verified'],
      ['automatic', 'verified'],
      ['automatic', 'verified'],
    ])
    expect(list.retentionDays).toBe(30)
  })

  it('keeps what it should: recent automatic backups, every manual one, and always the newest valid', async () => {
    const now = at('2026-03-31T12:00:00Z')
    const d = desk()
    const folder = backupsFolder(d.dbPath)
    fs.mkdirSync(folder)
    // One real backup as the template; copies of it with other dates and kinds stand for other days.
    const template = path.join(d.dir, 'template.sqlite.gz')
    await exportBackup(depsOf(d), { kind: 'automatic', outFile: template })
    const from = (name: string, daysAgo: number, kind: 'manual' | 'automatic') =>
      copyWithManifest(template, path.join(folder, name), {
        kind,
        createdAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
      })
    from('auto-40.sqlite.gz', 40, 'automatic')
    from('auto-35.sqlite.gz', 35, 'automatic')
    from('auto-31.sqlite.gz', 31, 'automatic')
    from('auto-29.sqlite.gz', 29, 'automatic')
    from('auto-1.sqlite.gz', 1, 'automatic')
    from('manual-60.sqlite.gz', 60, 'manual')
    fs.writeFileSync(path.join(folder, 'database_backup_old.sqlite.gz'), zlib.gzipSync('old script'))
    fs.utimesSync(
      path.join(folder, 'database_backup_old.sqlite.gz'),
      new Date('2025-01-01'),
      new Date('2025-01-01'),
    )

    const deleted = pruneBackups(d.dbPath, now, 30)
    expect(deleted.sort()).toEqual(['auto-31.sqlite.gz', 'auto-35.sqlite.gz', 'auto-40.sqlite.gz'])
    expect(fs.readdirSync(folder).sort()).toEqual([
      'auto-1.sqlite.gz',
      'auto-29.sqlite.gz',
      'database_backup_old.sqlite.gz',
      'manual-60.sqlite.gz',
    ])

    // Only old automatic backups, the newest of them damaged: the newest *valid* one stays.
    for (const f of fs.readdirSync(folder)) fs.rmSync(path.join(folder, f))
    from('auto-50.sqlite.gz', 50, 'automatic')
    from('auto-45.sqlite.gz', 45, 'automatic')
    from('auto-40.sqlite.gz', 40, 'automatic')
    const damaged = path.join(folder, 'auto-40.sqlite.gz')
    fs.truncateSync(damaged, fs.statSync(damaged).size - 100)
    expect(pruneBackups(d.dbPath, now, 30).sort()).toEqual(['auto-40.sqlite.gz', 'auto-50.sqlite.gz'])
    expect(fs.readdirSync(folder)).toEqual(['auto-45.sqlite.gz'])
  })

  it('shows the failure of an automatic backup on the list', async () => {
    const d = desk()
    fs.writeFileSync(backupsFolder(d.dbPath), 'a file where the folder should be')
    const auto = startAutomaticBackups(depsOf(d), { log: () => {}, intervalMs: 1e9, startDelayMs: 0 })
    await auto.started
    auto.stop()
    fs.rmSync(backupsFolder(d.dbPath))
    const list = await d.call('backup.list', {}, await d.adminToken())
    expect(list.lastError?.message).toMatch(/The backups folder .* cannot be created/)
  })
})

describe('housekeeping of the backup machinery', () => {
  it('runs from source through the worker thread', () => {
    expect(workerScript()?.filename).toMatch(/backupWorker\.(ts|js)$/)
  })

  it('sweeps half-written files an interrupted job left, but not a running one', () => {
    const d = desk()
    const folder = backupsFolder(d.dbPath)
    fs.mkdirSync(folder)
    const old = [
      path.join(folder, 'rapidcare-backup-20260101-000000.sqlite.gz.partial'),
      path.join(folder, 'rapidcare-backup-20260101-000000.sqlite.gz.snapshot-tmp'),
      `${d.dbPath}.restore-20260101-000000-999999999.tmp`, // its process is gone
    ]
    const fresh = path.join(folder, 'rapidcare-backup-20260102-000000.sqlite.gz.partial')
    const keep = path.join(folder, 'rapidcare-backup-20260101-000000.sqlite.gz')
    for (const f of [...old, fresh, keep]) fs.writeFileSync(f, 'x')
    const hourAgo = new Date(Date.now() - 2 * 3_600_000)
    for (const f of [...old, keep]) fs.utimesSync(f, hourAgo, hourAgo)
    expect(removeStaleTemporaries(d.dbPath, new Date()).sort()).toEqual(
      old.map((f) => path.basename(f)).sort(),
    )
    expect(fs.existsSync(fresh)).toBe(true)
    expect(fs.existsSync(keep)).toBe(true)
  })
})
