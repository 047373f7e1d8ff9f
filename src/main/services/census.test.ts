/**
 * A known week at two hospitals in Dhaka (UTC+6), built through the real channels on a real file
 * with the clock set to each moment; every census figure and occupancy bucket is checked against
 * values worked out by hand (in the comments). The desk's day is the workstation's: midnight in
 * Dhaka is 18:00 UTC the evening before, which a UTC day would get wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CensusRow } from '../../shared/contract/reports'
import { addHospital, addStaff, bookingInput, counts } from '../../../test/bookingFixtures'
import { dayEventsSql } from './census'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'

const previousTz = process.env.TZ
process.env.TZ = 'Asia/Dhaka'

let clock = new Date()
let desk: TestDesk
let admin: string
let A: number
let B: number
let C: number
let deskA: { id: number; token: string }
let authA: { id: number; token: string }
let authB: { id: number; token: string }

/** A moment of the week in Dhaka time: `at(10, 9, 30)` is 10 March 09:30 local. */
function at(day: number, hour: number, minute = 0): Date {
  return new Date(2026, 2, day, hour, minute)
}

async function when<T>(moment: Date, fn: () => Promise<T>): Promise<T> {
  clock = moment
  return fn()
}

async function register(day: number, hour: number, minute = 0, hospitalId = A): Promise<number> {
  return when(at(day, hour, minute), async () => {
    const b = await desk.call('bookings.create', bookingInput(hospitalId, clock), deskA.token)
    return b.id
  })
}

const approve = (id: number, d: number, h: number, m = 0) =>
  when(at(d, h, m), () => desk.call('bookings.approve', { id }, authA.token))
const admit = (id: number, d: number, h: number, m = 0) =>
  when(at(d, h, m), () => desk.call('bookings.admit', { id }, deskA.token))
const discharge = (id: number, d: number, h: number, m = 0) =>
  when(at(d, h, m), () => desk.call('bookings.discharge', { id }, authA.token))

beforeAll(async () => {
  clock = at(1, 9)
  desk = makeDesk({ now: () => clock })
  admin = await desk.adminToken()
  A = addHospital(desk, { name: 'Dhaka Medical College Hospital', beds: counts(0) })
  B = addHospital(desk, { name: 'Square Hospital', beds: counts(0) })
  C = addHospital(desk, { name: 'Popular Medical', beds: counts(2) })
  deskA = await addStaff(desk, 'user', A, 'Rina Akter')
  authA = await addStaff(desk, 'hospital-authority', A, 'Dr. Kamal Hossain')
  authB = await addStaff(desk, 'hospital-authority', B, 'Dr. Nasrin Sultana')
  // The opening counts, through the audited ledger, a week before.
  for (const [hospitalId, total] of [
    [A, 4],
    [B, 3],
  ] as const)
    await desk.call(
      'resources.update',
      { hospitalId, resourceType: 'beds', total, maintenance: 0, reason: 'Opening counts' },
      admin,
    )

  // 8 March: P6 arrives and is admitted; it stays until 10 March 15:00 (51 hours).
  const p6 = await register(8, 9)
  await approve(p6, 8, 10)
  await admit(p6, 8, 12)
  // 9 March: P1, admitted before midnight, discharged after it (12 hours).
  const p1 = await register(9, 10)
  await approve(p1, 9, 10, 30)
  await admit(p1, 9, 21)
  // 10 March, the census day.
  const p2 = await register(10, 8)
  const p3 = await register(10, 8, 30)
  await discharge(p1, 10, 9)
  const p4 = await register(10, 9, 15)
  await approve(p2, 10, 9, 30) // waited 90 minutes
  await when(at(10, 9, 45), () =>
    desk.call('bookings.decline', { id: p4, declineReason: 'No cardiologist' }, authA.token),
  )
  const p5 = await register(10, 10)
  await approve(p5, 10, 10, 10) // waited 10 minutes
  await approve(p3, 10, 10, 30) // waited 120 minutes
  await when(at(10, 11), () =>
    desk.call('bookings.cancel', { id: p3, reason: 'Family chose to wait' }, deskA.token),
  )
  await admit(p2, 10, 12)
  await when(at(10, 13), () =>
    desk.call('bookings.refer', { id: p5, toHospitalId: B, reason: 'Needs a cath lab' }, authA.token),
  )
  await when(at(10, 14), () =>
    desk.call(
      'resources.update',
      { hospitalId: A, resourceType: 'beds', total: 4, maintenance: 1, reason: 'Bed 3 rail broken' },
      authA.token,
    ),
  )
  await discharge(p6, 10, 15)
  await register(10, 23, 59)
  // 11 March: the first minute of the day belongs to it, not to the 10th.
  await register(11, 0)
  await discharge(p2, 11, 10)
  clock = at(15, 6)
})

afterAll(() => {
  desk.close()
  process.env.TZ = previousTz
})

function row(rows: CensusRow[], hospitalId: number, type = 'beds'): CensusRow {
  const r = rows.find((x) => x.hospitalId === hospitalId && x.resourceType === type)
  if (!r) throw new Error(`no row for ${hospitalId} ${type}`)
  return r
}

describe('reports.census', () => {
  it('counts the Dhaka day of 10 March: midnight census, the day’s movements, stay and wait', async () => {
    const report = await desk.call('reports.census', { hospitalId: A, date: '2026-03-10' }, authA.token)
    expect(report.dayStart).toBe('2026-03-09T18:00:00.000Z')
    expect(report.dayEnd).toBe('2026-03-10T18:00:00.000Z')
    expect(report.timeZone).toBe('Asia/Dhaka')
    expect(report.rows.map((r) => r.resourceType)).toEqual(['beds', 'icu', 'operationTheatres'])
    expect(row(report.rows, A)).toEqual({
      hospitalId: A,
      hospitalName: 'Dhaka Medical College Hospital',
      resourceType: 'beds',
      total: 4,
      maintenance: 0,
      occupiedAtMidnight: 2, // P6 and P1 (admitted 21:00 the evening before)
      occupiedAtEnd: 1, // P2
      occupancyPercent: 50, // 2 ÷ (4 − 0)
      // occupied 2×9h + 1×3h + 2×3h + 1×9h = 36 bed-hours → 1.5; maintenance 1 for 10h → 4 − 10/24
      averageOccupancyPercent: 41.9, // 1.5 ÷ 3.5833
      registrations: 5, // P2, P3, P4, P5, and P7 at 23:59 (not P8 at 00:00 on the 11th)
      approvals: 3,
      admissions: 1,
      discharges: 2,
      cancellations: 1,
      declines: 1, // P4; P5 went as a referral
      referralsIn: 0,
      referralsOut: 1,
      averageLengthOfStayHours: 31.5, // (12 + 51) ÷ 2
      approvalWaitMinutes: { count: 3, p50: 90, p90: 120 }, // 10, 90, 120
    })
  })

  it('counts the referral in at the other hospital, whose counts it did not touch', async () => {
    const report = await desk.call('reports.census', { hospitalId: B, date: '2026-03-10' }, authB.token)
    expect(row(report.rows, B)).toMatchObject({
      total: 3,
      occupiedAtMidnight: 0,
      occupancyPercent: 0,
      registrations: 1,
      referralsIn: 1,
      referralsOut: 0,
      approvals: 0,
      averageLengthOfStayHours: null,
      approvalWaitMinutes: null,
    })
  })

  it('takes the first minute of 11 March as the 11th’s, and the 9th’s admission before midnight as the 9th’s', async () => {
    const eleventh = row(
      (await desk.call('reports.census', { hospitalId: A, date: '2026-03-11' }, authA.token)).rows,
      A,
    )
    expect(eleventh).toMatchObject({
      registrations: 1,
      discharges: 1,
      occupiedAtMidnight: 1,
      maintenance: 1,
      occupancyPercent: 33.3, // 1 ÷ (4 − 1)
      occupiedAtEnd: 0,
      averageLengthOfStayHours: 22, // 10 March 12:00 → 11 March 10:00
    })
    const ninth = row(
      (await desk.call('reports.census', { hospitalId: A, date: '2026-03-09' }, authA.token)).rows,
      A,
    )
    expect(ninth).toMatchObject({
      registrations: 1,
      approvals: 1,
      admissions: 1,
      occupiedAtMidnight: 1,
      occupiedAtEnd: 2,
    })
    expect(ninth.approvalWaitMinutes).toEqual({ count: 1, p50: 30, p90: 30 })
  })

  it('gives an administrator every hospital, or the one asked for', async () => {
    const all = await desk.call('reports.census', { date: '2026-03-10' }, admin)
    expect([...new Set(all.rows.map((r) => r.hospitalName))]).toEqual([
      'Dhaka Medical College Hospital',
      'Popular Medical',
      'Square Hospital',
    ])
    expect(row(all.rows, A)).toEqual(
      row((await desk.call('reports.census', { hospitalId: A, date: '2026-03-10' }, admin)).rows, A),
    )
    // C's counts have never changed (no audit row): they are what they are now.
    expect(row(all.rows, C)).toMatchObject({ total: 2, occupancyPercent: 0, registrations: 0 })
  })

  it('holds an authority to its own hospital and refuses the front desk', async () => {
    const own = await desk.call('reports.census', { date: '2026-03-10' }, authB.token)
    expect(new Set(own.rows.map((r) => r.hospitalId))).toEqual(new Set([B]))
    await expectFailure(
      desk.raw('reports.census', { hospitalId: A, date: '2026-03-10' }, authB.token),
      'FORBIDDEN',
    )
    await expectFailure(desk.raw('reports.census', { date: '2026-03-10' }, deskA.token), 'FORBIDDEN')
  })

  it.each([
    ['date', { date: '10/03/2026' }],
    ['date', { date: '2026-02-30' }],
    ['hospitalId', { date: '2026-03-10', hospitalId: 0 }],
  ])('refuses a bad %s, naming it', async (field, input) => {
    const before = tableCounts(desk)
    await expectFailure(desk.raw('reports.census', input, admin), 'VALIDATION', field)
    expect(tableCounts(desk)).toEqual(before)
  })

  it('reads the day’s changes and the counts at midnight from indexes (migration 008)', () => {
    const plan = (sql: string) =>
      (desk.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n')
    expect(plan(dayEventsSql(true).replace(/\?/g, "'1'"))).toMatch(
      /SEARCH h USING COVERING INDEX idx_status_history_day/,
    )
    expect(
      plan(`SELECT newValues FROM resource_audit_log WHERE hospitalId = 1 AND resourceType = 'beds' AND createdAt < '2'
             ORDER BY createdAt DESC, id DESC LIMIT 1`),
    ).toMatch(/SEARCH resource_audit_log USING INDEX idx_audit_resource_time/)
  })
})

describe('reports.occupancy', () => {
  const occupancy = (bucket: 'hour' | 'day' | 'week', from: string, to: string, token = authA.token) =>
    desk.call('reports.occupancy', { hospitalId: A, resourceType: 'beds', from, to, bucket }, token)

  it('replays each day of the week: peak and time-weighted average of every count', async () => {
    const r = await occupancy('day', '2026-03-08', '2026-03-14')
    expect(r.buckets.map((b) => b.label)).toEqual([
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
    ])
    const pick = (i: number) => {
      const b = r.buckets[i]!
      return [b.occupied, b.reserved, b.maintenance, b.total].map((x) => [x.peak, x.average])
    }
    // 8th: P6 reserved 10–12, occupied from 12:00.
    expect(pick(0)).toEqual([
      [1, 0.5],
      [1, 0.08],
      [0, 0],
      [4, 4],
    ])
    // 9th: P6 all day, P1 from 21:00 (27 bed-hours); P1 reserved 10:30–21:00.
    expect(pick(1)).toEqual([
      [2, 1.13],
      [1, 0.44],
      [0, 0],
      [4, 4],
    ])
    // 10th: 36 bed-hours; reserved 350 minutes (40×1 + 20×2 + 30×3 + 60×2 + 60×1); maintenance 10 h.
    expect(pick(2)).toEqual([
      [2, 1.5],
      [3, 0.24],
      [1, 0.42],
      [4, 4],
    ])
    // 11th: P2 until 10:00.
    expect(pick(3)).toEqual([
      [1, 0.42],
      [0, 0],
      [1, 1],
      [4, 4],
    ])
    expect(pick(6)).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
      [4, 4],
    ])
    expect(r.buckets[0]!.start).toBe('2026-03-07T18:00:00.000Z')
  })

  it('replays hours of the 10th, a change on the hour belonging to the hour it starts', async () => {
    const r = await occupancy('hour', '2026-03-10', '2026-03-10')
    expect(r.buckets).toHaveLength(24)
    const h = (hour: number) => r.buckets[hour]!
    expect(h(9).label).toBe('2026-03-10 09:00')
    expect([h(9).occupied, h(9).reserved]).toEqual([
      { peak: 1, average: 1 }, // P1 left at 09:00 sharp
      { peak: 1, average: 0.5 }, // P2 from 09:30
    ])
    expect(h(10).reserved).toEqual({ peak: 3, average: 2.33 }) // (10×1 + 20×2 + 30×3) ÷ 60
    expect([h(12).occupied, h(12).reserved]).toEqual([
      { peak: 2, average: 2 },
      { peak: 1, average: 1 },
    ])
    expect(h(13).maintenance).toEqual({ peak: 0, average: 0 })
    expect(h(14).maintenance).toEqual({ peak: 1, average: 1 })
  })

  it('makes one bucket of the week, and none for days not yet begun', async () => {
    const week = await occupancy('week', '2026-03-08', '2026-03-14')
    expect(week.buckets).toHaveLength(1)
    // 12 + 27 + 36 + 10 = 85 bed-hours in 168 hours.
    expect(week.buckets[0]!.occupied).toEqual({ peak: 2, average: 0.51 })
    const ahead = await occupancy('day', '2026-03-14', '2026-03-20')
    expect(ahead.buckets.map((b) => b.label)).toEqual(['2026-03-14', '2026-03-15'])
    expect(ahead.buckets[1]!.end).toBe(clock.toISOString())
  })

  it('holds an authority to its own hospital, and names a bad field', async () => {
    await expectFailure(
      desk.raw(
        'reports.occupancy',
        { hospitalId: A, resourceType: 'beds', from: '2026-03-08', to: '2026-03-09' },
        authB.token,
      ),
      'FORBIDDEN',
    )
    await expectFailure(
      desk.raw(
        'reports.occupancy',
        { hospitalId: A, resourceType: 'beds', from: '2026-03-09', to: '2026-03-08' },
        admin,
      ),
      'VALIDATION',
      'to',
    )
    await expectFailure(
      desk.raw(
        'reports.occupancy',
        { hospitalId: A, resourceType: 'beds', from: '2026-01-01', to: '2026-03-01', bucket: 'hour' },
        admin,
      ),
      'VALIDATION',
      'to',
    )
    await expectFailure(
      desk.raw(
        'reports.occupancy',
        { hospitalId: A, resourceType: 'ward', from: '2026-01-01', to: '2026-01-02' },
        admin,
      ),
      'VALIDATION',
      'resourceType',
    )
    await expectFailure(
      desk.raw(
        'reports.occupancy',
        { hospitalId: 999, resourceType: 'beds', from: '2026-01-01', to: '2026-01-02' },
        admin,
      ),
      'NOT_FOUND',
    )
  })
})
