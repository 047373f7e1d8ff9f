import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'

let desk: TestDesk
afterEach(() => desk?.close())

const PASSWORD = 'authority-pass-1'
const HOSPITAL = { name: 'Khulna Central', address: 'KDA Avenue, Khulna', phone: '+880 41 720 111' }

/** A desk whose clock the test moves: each audit row gets its own, known time. */
async function setup() {
  let clock = new Date('2025-01-10T08:00:00.000Z')
  desk = makeDesk({ now: () => clock })
  const tick = (iso: string) => (clock = new Date(iso))
  const admin = await desk.adminToken()
  const own = await desk.call('hospitals.create', HOSPITAL, admin)
  const other = await desk.call('hospitals.create', { ...HOSPITAL, name: 'Mymensingh Care' }, admin)
  const authorityUser = await desk.call(
    'users.create',
    {
      name: 'Tania Akter',
      email: 'tania@khulna.example',
      password: PASSWORD,
      role: 'hospital-authority',
      hospitalId: own.id,
    },
    admin,
  )
  await desk.call(
    'users.create',
    { name: 'Front Desk', email: 'fd@x.org', password: PASSWORD, role: 'user' },
    admin,
  )
  const authority = await desk.login('tania@khulna.example', PASSWORD)
  const frontDesk = await desk.login('fd@x.org', PASSWORD)
  tick('2025-01-11T09:00:00.000Z')
  await desk.call(
    'resources.update',
    { hospitalId: own.id, resourceType: 'beds', total: 80, maintenance: 5, reason: 'Annual count' },
    authority,
  )
  tick('2025-01-12T09:00:00.000Z')
  await desk.call(
    'resources.update',
    { hospitalId: own.id, resourceType: 'icu', total: 8, maintenance: 0, reason: 'ICU opened' },
    authority,
  )
  tick('2025-01-13T09:00:00.000Z')
  await desk.call(
    'resources.update',
    { hospitalId: other.id, resourceType: 'icu', total: 4, maintenance: 1, reason: 'Count' },
    admin,
  )
  return { admin, authority, frontDesk, own, other, authorityUser }
}

describe('audit.list', () => {
  it('is newest first, with old and new values parsed, and filters by every field', async () => {
    const { admin, own, authorityUser } = await setup()
    const all = await desk.call('audit.list', {}, admin)
    expect(all.total).toBe(6 + 3)
    expect(all.items[0]).toMatchObject({
      reason: 'Count',
      hospitalName: 'Mymensingh Care',
      createdAt: '2025-01-13T09:00:00.000Z',
    })
    const times = all.items.map((a) => a.createdAt)
    expect([...times].sort().reverse()).toEqual(times)

    const ids = async (input: Record<string, unknown>) =>
      (await desk.call('audit.list', input as never, admin)).items.map((a) => a.reason)
    expect(await ids({ hospitalId: own.id, action: 'update' })).toEqual(['ICU opened', 'Annual count'])
    expect(await ids({ resourceType: 'icu', action: 'update' })).toEqual(['Count', 'ICU opened'])
    expect(await ids({ changedBy: authorityUser.id })).toEqual(['ICU opened', 'Annual count'])
    expect(await ids({ from: '2025-01-11T00:00:00.000Z', to: '2025-01-12T23:59:59.999Z' })).toEqual([
      'ICU opened',
      'Annual count',
    ])
    // Bounds with an offset mean the same instant.
    expect(await ids({ from: '2025-01-13T14:00:00+05:00' })).toEqual(['Count'])
    const page = await desk.call('audit.list', { limit: 2, offset: 1 }, admin)
    expect(page.total).toBe(9)
    expect(page.items.map((a) => a.reason)).toEqual(['ICU opened', 'Annual count'])
  })

  it('validates its filters, naming the field', async () => {
    const { admin } = await setup()
    await expectFailure(desk.raw('audit.list', { action: 'erase' }, admin), 'VALIDATION', 'action')
    await expectFailure(
      desk.raw('audit.list', { resourceType: 'lifts' }, admin),
      'VALIDATION',
      'resourceType',
    )
    await expectFailure(desk.raw('audit.list', { from: 'yesterday' }, admin), 'VALIDATION', 'from')
    await expectFailure(
      desk.raw('audit.list', { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, admin),
      'VALIDATION',
      'to',
    )
    await expectFailure(desk.raw('audit.list', { limit: 0 }, admin), 'VALIDATION', 'limit')
  })

  it('an authority sees only its own hospital; front desk sees none', async () => {
    const { authority, frontDesk, own, other } = await setup()
    const mine = await desk.call('audit.list', {}, authority)
    expect(mine.total).toBe(5)
    expect(mine.items.every((a) => a.hospitalId === own.id)).toBe(true)
    await expectFailure(desk.raw('audit.list', { hospitalId: other.id }, authority), 'FORBIDDEN')
    await expectFailure(desk.raw('audit.list', {}, frontDesk), 'FORBIDDEN')
    await expectFailure(desk.raw('audit.verify', {}, frontDesk), 'FORBIDDEN')
    const verified = await desk.call('audit.verify', {}, authority)
    expect(verified.checked).toBe(3)
  })
})

describe('audit.verify', () => {
  it('finds nothing wrong when every change went through the ledger', async () => {
    const { admin } = await setup()
    const result = await desk.call('audit.verify', {}, admin)
    expect(result).toEqual({ checked: 6, replayed: 9, problems: [] })
  })

  it('reports a count changed behind the ledger’s back', async () => {
    const { admin, own } = await setup()
    // A tamper that even keeps the invariant: two beds moved from available to occupied.
    desk.db
      .prepare(
        `UPDATE hospital_resources SET available = available - 2, occupied = occupied + 2 WHERE hospitalId = ? AND resourceType = 'beds'`,
      )
      .run(own.id)
    const { problems } = await desk.call('audit.verify', {}, admin)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      hospitalId: own.id,
      hospitalName: HOSPITAL.name,
      resourceType: 'beds',
    })
    expect(problems[0]!.message).toMatch(/holds total 80, available 73, occupied 2/)
    expect(problems[0]!.message).toMatch(/ends at total 80, available 75, occupied 0/)
    // The same finding as data, for the screen to say in the reader's language.
    expect(problems[0]).toMatchObject({
      kind: 'rowDiffers',
      holds: { total: 80, available: 73, occupied: 2 },
      left: { total: 80, available: 75, occupied: 0 },
    })
  })

  it('reports an audit row that does not follow from the one before', async () => {
    const { admin, own } = await setup()
    const forged = desk.db
      .prepare(
        `INSERT INTO resource_audit_log (hospitalId, resourceType, action, oldValues, newValues, reason, createdAt)
         VALUES (?, 'icu', 'update', ?, ?, 'forged', '2025-01-20T00:00:00.000Z')`,
      )
      .run(
        own.id,
        JSON.stringify({ total: 99, available: 99, occupied: 0, reserved: 0, maintenance: 0 }),
        JSON.stringify({ total: 8, available: 8, occupied: 0, reserved: 0, maintenance: 0 }),
      )
    const { problems } = await desk.call('audit.verify', {}, admin)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ resourceType: 'icu', auditId: Number(forged.lastInsertRowid) })
    expect(problems[0]!.message).toMatch(/starts from total 99/)
    expect(problems[0]).toMatchObject({ kind: 'brokenChain', from: { total: 99, available: 99 } })
    expect(problems[0]!.previousId).toBeLessThan(Number(forged.lastInsertRowid))
  })
})

describe('append-only audit tables', () => {
  it('refuse UPDATE and DELETE on resource_audit_log, booking_status_history and balance_transactions', async () => {
    const { admin, own } = await setup()
    const me = await desk.call('auth.me', {}, admin)
    // Rows written directly: this test is about the tables' triggers, not about who writes them.
    const booking = desk.db
      .prepare(
        `INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition,
           emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate, bookingReference)
         VALUES (?, ?, 'beds', 'Karim Uddin', 54, 'male', 'Observation', 'Salma Uddin', '01711000000', 'wife',
           '2025-02-01T10:00:00.000Z', 'RC-2025-000001')`,
      )
      .run(me.id, own.id)
    desk.db
      .prepare(
        `INSERT INTO booking_status_history (bookingId, oldStatus, newStatus, changedBy) VALUES (?, NULL, 'pending', ?)`,
      )
      .run(booking.lastInsertRowid, me.id)
    desk.db
      .prepare(
        `INSERT INTO balance_transactions (userId, type, amount, balanceBefore, balanceAfter) VALUES (?, 'credit', 50000, 0, 50000)`,
      )
      .run(me.id)
    const before = tableCounts(desk)
    for (const table of ['resource_audit_log', 'booking_status_history', 'balance_transactions']) {
      const column =
        table === 'resource_audit_log'
          ? 'reason'
          : table === 'booking_status_history'
            ? 'notes'
            : 'description'
      expect(() => desk.db.prepare(`UPDATE ${table} SET ${column} = 'rewritten'`).run()).toThrow(
        /append-only/,
      )
      expect(() => desk.db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/)
    }
    expect(tableCounts(desk)).toEqual(before)
    expect((await desk.call('audit.verify', {}, admin)).problems).toEqual([])
  })
})
