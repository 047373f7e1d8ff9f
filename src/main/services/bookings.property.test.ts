import fc from 'fast-check'
import { afterEach, expect, it } from 'vitest'
import type { BookingStatus } from '../../shared/contract/bookings'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { addHospital, addStaff, bookingInput, counts } from '../../../test/bookingFixtures'

let desk: TestDesk
afterEach(() => desk?.close())

type Op =
  | {
      kind: 'create'
      hospital: number
      resourceType: 'beds' | 'icu'
      urgency: 'low' | 'medium' | 'high' | 'critical'
    }
  | { kind: 'approve' | 'decline' | 'admit' | 'discharge' | 'cancel'; pick: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      hospital: fc.nat(1),
      resourceType: fc.constantFrom('beds' as const, 'icu' as const),
      urgency: fc.constantFrom('low' as const, 'medium' as const, 'high' as const, 'critical' as const),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'approve' as const,
        'decline' as const,
        'admit' as const,
        'discharge' as const,
        'cancel' as const,
      ),
      pick: fc.nat(),
    }),
  },
)

const NEXT: Record<string, { from: BookingStatus[]; to: BookingStatus }> = {
  approve: { from: ['pending'], to: 'approved' },
  decline: { from: ['pending'], to: 'declined' },
  admit: { from: ['approved'], to: 'admitted' },
  discharge: { from: ['admitted'], to: 'completed' },
  cancel: { from: ['pending', 'approved'], to: 'cancelled' },
}

it('after 10,000 random operations, counts, statuses and history still agree', async () => {
  const clock = new Date('2026-06-01T06:00:00.000Z')
  desk = makeDesk({ now: () => clock })
  // Durability is not what this test is about; FULL sync would make it ten times slower.
  desk.db.pragma('synchronous = OFF')
  const admin = await desk.adminToken()
  const hospitals = [
    addHospital(desk, { name: 'A', beds: counts(4, { maintenance: 1 }), icu: counts(1) }),
    addHospital(desk, { name: 'B', beds: counts(40), icu: counts(10) }),
  ]
  const front = await addStaff(desk, 'user')
  const totals = new Map<string, number>([
    [`${hospitals[0]}:beds`, 3],
    [`${hospitals[0]}:icu`, 1],
    [`${hospitals[1]}:beds`, 40],
    [`${hospitals[1]}:icu`, 10],
  ])
  const extra = { decline: { declineReason: 'Full' }, cancel: { reason: 'Changed plans' } } as Record<
    string,
    object
  >

  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 10_000, maxLength: 10_000 }), async (ops) => {
      const model: { id: number; key: string; status: BookingStatus; steps: number }[] = []
      const held = (key: string, status: BookingStatus) =>
        model.filter((b) => b.key === key && b.status === status).length
      for (const op of ops) {
        if (op.kind === 'create') {
          const h = hospitals[op.hospital]!
          const r = await desk.raw(
            'bookings.create',
            bookingInput(h, clock, { resourceType: op.resourceType, urgency: op.urgency }),
            front.token,
          )
          expect(r.ok).toBe(true)
          model.push({
            id: (r as { value: { id: number } }).value.id,
            key: `${h}:${op.resourceType}`,
            status: 'pending',
            steps: 1,
          })
          continue
        }
        if (model.length === 0) continue
        // Mostly a booking still in play (so lifecycles run to the end), sometimes any booking at all
        // (so finished ones are tried too, and refused).
        const live = model.filter(
          (m) => m.status === 'pending' || m.status === 'approved' || m.status === 'admitted',
        )
        const pool = op.pick % 5 === 0 || live.length === 0 ? model : live
        const b = pool[Math.floor(op.pick / 5) % pool.length]!
        const rule = NEXT[op.kind]!
        const free = totals.get(b.key)! - held(b.key, 'approved') - held(b.key, 'admitted')
        const allowed = rule.from.includes(b.status) && (op.kind !== 'approve' || free > 0)
        const token = op.kind === 'admit' || op.kind === 'cancel' ? front.token : admin
        const r = await desk.raw(`bookings.${op.kind}`, { id: b.id, ...extra[op.kind] }, token)
        if (allowed) {
          expect(r.ok).toBe(true)
          b.status = rule.to
          b.steps++
        } else {
          expect(r.ok ? 'ok' : r.error.code).toBe('CONFLICT')
        }
        // The invariant, after every operation: what is reserved and occupied is exactly what the
        // bookings hold; the database's CHECK guarantees the sum.
        const [hid, type] = b.key.split(':')
        const row = desk.db
          .prepare(
            'SELECT available, reserved, occupied, maintenance, total FROM hospital_resources WHERE hospitalId = ? AND resourceType = ?',
          )
          .get(Number(hid), type) as {
          available: number
          reserved: number
          occupied: number
          maintenance: number
          total: number
        }
        expect([row.reserved, row.occupied]).toEqual([held(b.key, 'approved'), held(b.key, 'admitted')])
        expect(row.available + row.reserved + row.occupied + row.maintenance).toBe(row.total)
        expect(row.available).toBeGreaterThanOrEqual(0)
      }
      // At the end: every booking's status and history agree with the model, one history row per step,
      // one notification per step, and the history is a chain (each row starts where the last ended).
      const rows = desk.db.prepare('SELECT id, status FROM bookings ORDER BY id').all() as {
        id: number
        status: string
      }[]
      expect(rows.map((r) => [r.id, r.status])).toEqual(model.map((b) => [b.id, b.status]))
      const history = desk.db
        .prepare('SELECT bookingId, oldStatus, newStatus FROM booking_status_history ORDER BY id')
        .all() as { bookingId: number; oldStatus: string | null; newStatus: string }[]
      const last = new Map<number, string | null>()
      for (const h of history) {
        expect(h.oldStatus).toBe(last.get(h.bookingId) ?? null)
        last.set(h.bookingId, h.newStatus)
      }
      for (const b of model) expect(last.get(b.id)).toBe(b.status)
      expect(history.length).toBe(model.reduce((n, b) => n + b.steps, 0))
      const notes = desk.db.prepare('SELECT COUNT(*) FROM booking_notifications').pluck().get()
      expect(notes).toBe(history.length)
      const audit = desk.db
        .prepare(`SELECT COUNT(*) FROM resource_audit_log WHERE action IN ('allocate', 'release')`)
        .pluck()
        .get()
      const moves = history.filter(
        (h) =>
          h.newStatus === 'approved' ||
          h.newStatus === 'admitted' ||
          h.newStatus === 'completed' ||
          (h.newStatus === 'cancelled' && h.oldStatus === 'approved'),
      ).length
      expect(audit).toBe(moves)
      // The sequence really did drive bookings through the lifecycle, not just refusals.
      expect(moves).toBeGreaterThan(500)
    }),
    // A failing 10,000-step run is reported as it is: shrinking one takes minutes.
    { numRuns: 1, endOnFailure: true },
  )
}, 300_000)
