/** The maintenance report and tasks, on a real desk file; and the CLI's backup, restore, check and maintenance. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { runCli } from '../cli'
import { openDatabase, type DB } from '../db/open'

let desks: TestDesk[] = []
afterEach(() => {
  for (const d of desks) d.live.close()
  desks = []
  vi.restoreAllMocks()
})

const NOW = new Date('2026-06-15T10:00:00.000Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()

function desk(): TestDesk {
  const d = makeDesk({ now: () => NOW })
  desks.push(d)
  return d
}

/** Rows for every housekeeping query: some due, some not. */
function seed(db: DB): void {
  const t = NOW.toISOString()
  db.transaction(() => {
    db.prepare(
      `INSERT INTO hospitals (id, name, address, phone, status) VALUES (1, 'City Hospital', 'Dhaka', '+8801700000000', 'approved')`,
    ).run()
    db.prepare(
      `INSERT INTO users (id, name, email, password, role) VALUES (100, 'Desk', 'seed-desk@rapidcare.test', 'x', 'user')`,
    ).run()
    db.prepare(
      `INSERT INTO hospital_resources (hospitalId, resourceType, total, available) VALUES (1, 'beds', 4, 4)`,
    ).run()
    db.prepare(
      `INSERT INTO resource_audit_log (hospitalId, resourceType, action, oldValues, newValues, changedBy, createdAt)
       VALUES (1, 'beds', 'create', NULL, '{"total":4,"available":4,"occupied":0,"reserved":0,"maintenance":0}', 100, ?)`,
    ).run(t)
    const booking = db.prepare(
      `INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition,
         emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate, status)
       VALUES (100, 1, 'beds', 'Rahim', 50, 'male', 'Chest pain', 'Kin', '+8801711111111', 'son', ?, ?)`,
    )
    const stale = booking.run(daysAgo(3), 'pending').lastInsertRowid
    booking.run(daysAgo(-1), 'pending') // tomorrow: not stale
    booking.run(daysAgo(3), 'approved') // not pending
    db.prepare(
      `INSERT INTO booking_status_history (bookingId, newStatus, changedAt) VALUES (?, 'pending', ?)`,
    ).run(stale, t)
    const note = db.prepare(
      `INSERT INTO booking_notifications (userId, bookingId, type, title, message, isRead, createdAt) VALUES (100, ?, 'booking_submitted', 'T', 'M', ?, ?)`,
    )
    note.run(stale, 1, daysAgo(120)) // read, old: cleaned
    note.run(stale, 1, '2026-01-01 08:00:00') // read, old, SQLite's own timestamp format: cleaned
    note.run(stale, 0, daysAgo(120)) // unread: kept
    note.run(stale, 1, daysAgo(10)) // read, recent: kept
    const blood = db.prepare(
      `INSERT INTO blood_requests (userId, patientName, bloodType, unitsNeeded, contactPhone, location, requiredBy, status)
       VALUES (100, 'Karim', 'O+', 2, '+8801722222222', 'Dhaka', ?, ?)`,
    )
    blood.run(daysAgo(1), 'active') // past: expired by cleanup
    blood.run(daysAgo(-2), 'active') // future: kept
    blood.run(daysAgo(5), 'fulfilled') // done: kept
    const change = db.prepare(
      `INSERT INTO changes (table_name, row_id, op, hospital_id, changed_at) VALUES ('bookings', ?, 'update', 1, ?)`,
    )
    change.run(stale, daysAgo(10)) // old: pruned by cleanup
    change.run(stale, daysAgo(2)) // recent: kept (the triggers' own rows are of now: kept too)
  })()
}

describe('maintenance.report', () => {
  it('counts every table truly, and the housekeeping queries', async () => {
    const d = desk()
    const token = await d.adminToken()
    seed(d.live.db)
    const report = await d.call('maintenance.report', {}, token)
    for (const { name, rows } of report.tables)
      expect(rows, name).toBe(d.db.prepare(`SELECT COUNT(*) FROM "${name}"`).pluck().get())
    expect(report.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['bookings', 'users', 'hospitals', 'migrations']),
    )
    expect(report.databaseBytes).toBe(fs.statSync(d.dbPath).size)
    expect(report.pageCount).toBeGreaterThan(0)
    expect(report.pageSize).toBe(d.live.db.pragma('page_size', { simple: true }))
    expect(report.lastBackup).toBeNull()
    expect(report.lastIntegrityCheck).toBeNull()
    expect(Object.fromEntries(report.housekeeping.map((h) => [h.id, h.count]))).toEqual({
      oldReadNotifications: 2,
      expiredBloodRequests: 1,
      oldChanges: 1,
      stalePendingBookings: 1,
    })

    await d.call('backup.export', {}, token)
    await d.call('maintenance.run', { task: 'integrity' }, token)
    const after = await d.call('maintenance.report', {}, token)
    expect(after.lastBackup?.path).toMatch(/rapidcare-backup-/)
    expect(after.lastIntegrityCheck).toMatchObject({ ok: true, at: NOW.toISOString() })
  })

  it('is for administrators only, as every task is', async () => {
    const d = desk()
    const token = await d.adminToken()
    await d.call(
      'users.create',
      { name: 'Front Desk', email: 'desk@rapidcare.test', password: 'front-desk-pass-1', role: 'user' },
      token,
    )
    const desker = await d.login('desk@rapidcare.test', 'front-desk-pass-1')
    seed(d.live.db)
    const before = tableCounts(d)
    await expectFailure(d.raw('maintenance.report', {}, desker), 'FORBIDDEN')
    await expectFailure(d.raw('maintenance.run', { task: 'cleanup', confirm: true }, desker), 'FORBIDDEN')
    expect(tableCounts(d)).toEqual(before)
    await expectFailure(d.raw('maintenance.run', { task: 'reindex' }, token), 'VALIDATION', 'task')
  })
})

describe('maintenance.run', () => {
  it('cleanup counts first, changes only after confirmation, and never touches the audit trail or bookings', async () => {
    const d = desk()
    const token = await d.adminToken()
    seed(d.live.db)
    const before = tableCounts(d)

    const preview = await d.call('maintenance.run', { task: 'cleanup' }, token)
    if (preview.task !== 'cleanup') throw new Error('wrong task')
    expect(preview.applied).toBe(false)
    expect(tableCounts(d)).toEqual(before)

    const done = await d.call('maintenance.run', { task: 'cleanup', confirm: true }, token)
    if (done.task !== 'cleanup') throw new Error('wrong task')
    expect(done.applied).toBe(true)
    expect(Object.fromEntries(done.items.map((i) => [i.id, i.count]))).toEqual({
      oldReadNotifications: 2,
      expiredBloodRequests: 1,
      oldChanges: 1,
      stalePendingBookings: 1,
    })
    const after = tableCounts(d)
    expect(after.booking_notifications).toBe(before.booking_notifications! - 2)
    const oldChanges = `SELECT COUNT(*) FROM changes WHERE changed_at < ?`
    expect(d.live.db.prepare(oldChanges).pluck().get(daysAgo(7))).toBe(0)
    expect(d.live.db.prepare(oldChanges).pluck().get(daysAgo(1))).toBe(1)
    for (const t of [
      'bookings',
      'booking_status_history',
      'resource_audit_log',
      'balance_transactions',
      'blood_requests',
    ])
      expect(after[t], t).toBe(before[t])
    const statuses = d.live.db.prepare(`SELECT status FROM blood_requests ORDER BY id`).pluck().all()
    expect(statuses).toEqual(['expired', 'active', 'fulfilled'])
    expect(d.live.db.prepare(`SELECT COUNT(*) FROM bookings WHERE status = 'pending'`).pluck().get()).toBe(2)

    const again = await d.call('maintenance.run', { task: 'cleanup' }, token)
    if (again.task !== 'cleanup') throw new Error('wrong task')
    expect(again.items.find((i) => i.id === 'oldReadNotifications')?.count).toBe(0)
  })

  it('integrity finds broken references and a broken resource invariant', async () => {
    const d = desk()
    const token = await d.adminToken()
    seed(d.live.db)
    const clean = await d.call('maintenance.run', { task: 'integrity' }, token)
    expect(clean).toMatchObject({ task: 'integrity', ok: true, problems: [], integrity: ['ok'] })

    // Damage only a database with its guards off could take (an adopted file, a hand edit).
    const db = d.live.db
    db.pragma('foreign_keys = OFF')
    db.prepare(
      `INSERT INTO booking_notifications (userId, bookingId, type, title, message) VALUES (999, 1, 'booking_submitted', 'T', 'M')`,
    ).run()
    db.pragma('foreign_keys = ON')
    db.pragma('ignore_check_constraints = ON')
    db.prepare(`UPDATE hospital_resources SET available = 9 WHERE hospitalId = 1`).run()
    db.pragma('ignore_check_constraints = OFF')
    // A drawer whose balance no longer equals the sum of its ledger.
    db.prepare(`INSERT INTO user_balance (userId, balance) VALUES (1, 500)`).run()

    const found = await d.call('maintenance.run', { task: 'integrity' }, token)
    if (found.task !== 'integrity') throw new Error('wrong task')
    expect(found.ok).toBe(false)
    expect(found.foreignKeyViolations).toBe(1)
    expect(found.invariantViolations).toBe(1)
    expect(found.audit.problems).toBe(1) // the row no longer matches its audit history
    expect(found.problems.join('\n')).toMatch(/booking_notifications row \d+ refers to a missing users row/)
    expect(found.problems.filter((p) => p.startsWith('Money: '))).toHaveLength(1)
    const report = await d.call('maintenance.report', {}, token)
    expect(report.lastIntegrityCheck?.ok).toBe(false)
  })

  it('analyze, optimize and vacuum; vacuum reports the space it freed', async () => {
    const d = desk()
    const token = await d.adminToken()
    expect(await d.call('maintenance.run', { task: 'analyze' }, token)).toMatchObject({
      task: 'analyze',
      ok: true,
    })
    expect(await d.call('maintenance.run', { task: 'optimize' }, token)).toMatchObject({
      task: 'optimize',
      ok: true,
    })
    const db = d.live.db
    const insert = db.prepare(`INSERT INTO payment_config (gateway, config) VALUES ('bulk', ?)`)
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run('x'.repeat(4000))
    })()
    db.prepare(`DELETE FROM payment_config`).run()
    db.pragma('wal_checkpoint(TRUNCATE)')
    const before = fs.statSync(d.dbPath).size
    const result = await d.call('maintenance.run', { task: 'vacuum' }, token)
    if (result.task !== 'vacuum') throw new Error('wrong task')
    expect(result.bytesBefore).toBe(before)
    expect(result.bytesAfter).toBe(fs.statSync(d.dbPath).size)
    expect(result.freedBytes).toBe(before - result.bytesAfter)
    expect(result.freedBytes).toBeGreaterThan(1_000_000)
  })
})

describe('the CLI', () => {
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = []
    const err: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
    const code = await runCli(argv)
    vi.restoreAllMocks()
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  function fileDesk(): { dir: string; db: string } {
    const d = desk()
    seed(d.live.db)
    d.live.close()
    return { dir: d.dir, db: d.dbPath }
  }

  it('backup, restore, check and maintenance, each with a clear line for bad input', async () => {
    const { dir, db } = fileDesk()
    const out = path.join(dir, 'mine.sqlite.gz')

    const backup = await cli('backup', '--out', out, '--db', db)
    expect(backup).toMatchObject({ code: 0, err: '' })
    expect(backup.out).toMatch(/Backup verified: .*mine\.sqlite\.gz/)

    expect(await cli('backup', '--out', out, '--db', db)).toMatchObject({
      code: 1,
      err: `${out} already exists: choose another name.`,
    })
    expect(await cli('backup', '--out', dir, '--db', db)).toMatchObject({
      code: 1,
      err: `${dir} is a folder: give the backup a file name.`,
    })
    expect((await cli('backup', '--out', path.join(dir, 'no', 'x.gz'), '--db', db)).err).toMatch(
      /does not exist/,
    )
    expect((await cli('backup', '--db', path.join(dir, 'missing.sqlite'))).err).toMatch(
      /There is no database at/,
    )
    expect(await cli('restore', path.join(dir, 'missing.gz'), '--db', db)).toMatchObject({
      code: 1,
      err: `There is no file at ${path.join(dir, 'missing.gz')}.`,
    })
    expect((await cli('restore', dir, '--db', db)).err).toMatch(/is a folder, not a backup file/)
    const notBackup = path.join(dir, 'notes.txt')
    fs.writeFileSync(notBackup, 'hello')
    expect((await cli('restore', notBackup, '--db', db)).err).toMatch(/not a RapidCare backup/)

    // Change, then restore: the backed-up rows return.
    const live = openDatabase(db)
    live.prepare(`DELETE FROM booking_notifications`).run()
    live.close()
    const restore = await cli('restore', out, '--db', db)
    expect(restore.code).toBe(0)
    expect(restore.out).toMatch(/previous database is kept as .*pre-restore-/)
    const restored = openDatabase(db)
    expect(restored.prepare(`SELECT COUNT(*) FROM booking_notifications`).pluck().get()).toBe(4)

    // A database another program holds open is not swapped from under it.
    const held = await cli('restore', out, '--db', db)
    expect(held).toMatchObject({ code: 1 })
    expect(held.err).toMatch(/Another program has this database open/)
    restored.close()

    expect(await cli('check', '--db', db)).toMatchObject({ code: 0 })
    const report = await cli('maintenance', '--db', db)
    expect(report.out).toMatch(/bookings\s+3/)
    expect(report.out).toMatch(/\d+ {2}Read notifications older than 90 days/)
    expect((await cli('maintenance', '--run', 'cleanup', '--db', db)).out).toMatch(/Nothing was changed/)
    expect((await cli('maintenance', '--run', 'cleanup', '--yes', '--db', db)).out).toMatch(/Cleanup done/)
    expect((await cli('maintenance', '--run', 'shrink', '--db', db)).err).toMatch(/--run must be one of/)
  })
})
