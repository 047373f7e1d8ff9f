/**
 * The daily census of a hospital (or, for an administrator, of every hospital) for one desk day,
 * per resource type. Computed from the records the desk keeps anyway, never from a counter:
 *   * the day's status changes (`booking_status_history`): registrations, approvals, admissions,
 *     discharges, cancellations, declines, and from them the length of stay and the wait for approval;
 *   * the referral links (`booking_referrals`): referrals in and out;
 *   * the resource audit trail (`resource_audit_log`), replayed: the counts at midnight, at the end
 *     of the day, and the day's average occupancy.
 * Definitions: a referral out is a decline too, and is counted as a referral only; a referral in is
 * also a registration. Length of stay: admission to discharge of the day's discharges. Wait for
 * approval: registration to approval of the day's approvals, p50/p90 by nearest rank.
 */
import type { CensusReport, CensusRow, Percentiles } from '../../shared/contract/reports'
import { occupancyPercent } from '../../shared/occupancy'
import { RESOURCE_TYPES, type ResourceType } from '../../shared/schemas'
import type { DB } from '../db/open'
import { listScope } from './scope'
import { prep } from './bookingsStatements'
import type { ActorContext } from './context'
import { dayAfter, dayStart, deskTimeZone } from './deskDay'
import { requireHospital } from './hospitals'
import { countsAt, replay } from './occupancy'

interface DayEvent {
  bookingId: number
  newStatus: string
  changedAt: string
  hospitalId: number
  resourceType: ResourceType
  createdAt: string
}

type Tally = Pick<
  CensusRow,
  | 'registrations'
  | 'approvals'
  | 'admissions'
  | 'discharges'
  | 'cancellations'
  | 'declines'
  | 'referralsIn'
  | 'referralsOut'
> & { stays: number[]; waits: number[] }

function emptyTally(): Tally {
  return {
    registrations: 0,
    approvals: 0,
    admissions: 0,
    discharges: 0,
    cancellations: 0,
    declines: 0,
    referralsIn: 0,
    referralsOut: 0,
    stays: [],
    waits: [],
  }
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p of them at or below. */
function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!
}

const one = (n: number) => Math.round(n * 10) / 10

function percentiles(values: number[]): Percentiles | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return { count: sorted.length, p50: one(nearestRank(sorted, 0.5)), p90: one(nearestRank(sorted, 0.9)) }
}

/** The day's status changes, with their bookings' hospital and type; exported for its query-plan test. */
export function dayEventsSql(oneHospital: boolean): string {
  // CROSS JOIN keeps the history's day index (migration 008) as the outer loop whatever the
  // statistics say: a day has a few thousand changes, a hospital hundreds of thousands of bookings.
  return `SELECT h.bookingId, h.newStatus, h.changedAt, b.hospitalId, b.resourceType, b.createdAt
            FROM booking_status_history h CROSS JOIN bookings b ON b.id = h.bookingId
           WHERE h.changedAt >= ? AND h.changedAt < ?${oneHospital ? ' AND b.hospitalId = ?' : ''}`
}

function dayEvents(db: DB, start: string, end: string, hospitalId: number | null): DayEvent[] {
  const args = hospitalId === null ? [start, end] : [start, end, hospitalId]
  return prep(db, dayEventsSql(hospitalId !== null)).all(...args) as DayEvent[]
}

function referrals(
  db: DB,
  side: 'from' | 'to',
  start: string,
  end: string,
  hospitalId: number | null,
): { bookingId: number; hospitalId: number; resourceType: ResourceType }[] {
  const self = side === 'from' ? 'fromBookingId' : 'toBookingId'
  const hospital = side === 'from' ? 'fromHospitalId' : 'toHospitalId'
  const where =
    hospitalId === null
      ? `r.createdAt >= ? AND r.createdAt < ?`
      : `r.${hospital} = ? AND r.createdAt >= ? AND r.createdAt < ?`
  const args = hospitalId === null ? [start, end] : [hospitalId, start, end]
  return prep(
    db,
    `SELECT r.${self} AS bookingId, r.${hospital} AS hospitalId, b.resourceType
       FROM booking_referrals r JOIN bookings b ON b.id = r.${self} WHERE ${where}`,
  ).all(...args) as { bookingId: number; hospitalId: number; resourceType: ResourceType }[]
}

/** When a booking was admitted, for its length of stay (the latest admission, should there be two). */
function admittedAt(db: DB, bookingId: number): string | undefined {
  return prep(
    db,
    `SELECT changedAt FROM booking_status_history WHERE bookingId = ? AND newStatus = 'admitted' ORDER BY id DESC LIMIT 1`,
  )
    .pluck()
    .get(bookingId) as string | undefined
}

function tallies(db: DB, start: string, end: string, hospitalId: number | null): Map<string, Tally> {
  const byKey = new Map<string, Tally>()
  const tally = (h: number, t: ResourceType) => {
    const key = `${h}:${t}`
    let v = byKey.get(key)
    if (!v) byKey.set(key, (v = emptyTally()))
    return v
  }
  const referredOut = new Set<number>()
  for (const r of referrals(db, 'from', start, end, hospitalId)) {
    referredOut.add(r.bookingId)
    tally(r.hospitalId, r.resourceType).referralsOut++
  }
  for (const r of referrals(db, 'to', start, end, hospitalId))
    tally(r.hospitalId, r.resourceType).referralsIn++
  for (const e of dayEvents(db, start, end, hospitalId)) {
    const t = tally(e.hospitalId, e.resourceType)
    switch (e.newStatus) {
      case 'pending':
        t.registrations++
        break
      case 'approved':
        t.approvals++
        t.waits.push((Date.parse(e.changedAt) - Date.parse(e.createdAt)) / 60_000)
        break
      case 'admitted':
        t.admissions++
        break
      case 'completed': {
        t.discharges++
        const admitted = admittedAt(db, e.bookingId)
        if (admitted) t.stays.push((Date.parse(e.changedAt) - Date.parse(admitted)) / 3_600_000)
        break
      }
      case 'cancelled':
        t.cancellations++
        break
      case 'declined':
        if (!referredOut.has(e.bookingId)) t.declines++
        break
    }
  }
  return byKey
}

export function census(ctx: ActorContext, input: { hospitalId?: number; date: string }): CensusReport {
  const { db, actor } = ctx
  const hospitalId = listScope(actor, input.hospitalId, 'census')
  if (hospitalId !== null) requireHospital(db, hospitalId, 'hospitalId')
  const start = dayStart(input.date)
  const end = dayAfter(input.date)
  const now = ctx.now()
  // Today's figures run to now; a day that has not begun has none.
  const until = end < now ? end : start > now ? start : now
  const resources = prep(
    db,
    `SELECT r.hospitalId, h.name AS hospitalName, r.resourceType
       FROM hospital_resources r JOIN hospitals h ON h.id = r.hospitalId
      ${hospitalId === null ? '' : 'WHERE r.hospitalId = ?'}
      ORDER BY h.name, r.hospitalId`,
  ).all(...(hospitalId === null ? [] : [hospitalId])) as {
    hospitalId: number
    hospitalName: string
    resourceType: ResourceType
  }[]
  resources.sort(
    (a, b) =>
      a.hospitalName.localeCompare(b.hospitalName) ||
      a.hospitalId - b.hospitalId ||
      RESOURCE_TYPES.indexOf(a.resourceType) - RESOURCE_TYPES.indexOf(b.resourceType),
  )
  const byKey = tallies(db, start.toISOString(), until.toISOString(), hospitalId)
  const rows = resources.map((r): CensusRow => {
    const atMidnight = countsAt(db, r.hospitalId, r.resourceType, start)
    const [day] = replay(db, r.hospitalId, r.resourceType, [{ start, end: until }])
    // Today's end is now, the changes of this very millisecond included.
    const atEnd = countsAt(
      db,
      r.hospitalId,
      r.resourceType,
      until < end ? new Date(until.getTime() + 1) : end,
    )
    const t = byKey.get(`${r.hospitalId}:${r.resourceType}`) ?? emptyTally()
    const avg = day!.average
    return {
      hospitalId: r.hospitalId,
      hospitalName: r.hospitalName,
      resourceType: r.resourceType,
      total: atMidnight.total,
      maintenance: atMidnight.maintenance,
      occupiedAtMidnight: atMidnight.occupied,
      occupiedAtEnd: atEnd.occupied,
      occupancyPercent: occupancyPercent(atMidnight),
      averageOccupancyPercent: occupancyPercent(avg),
      registrations: t.registrations,
      approvals: t.approvals,
      admissions: t.admissions,
      discharges: t.discharges,
      cancellations: t.cancellations,
      declines: t.declines,
      referralsIn: t.referralsIn,
      referralsOut: t.referralsOut,
      averageLengthOfStayHours: t.stays.length
        ? one(t.stays.reduce((a, b) => a + b, 0) / t.stays.length)
        : null,
      approvalWaitMinutes: percentiles(t.waits),
    }
  })
  return {
    date: input.date,
    dayStart: start.toISOString(),
    dayEnd: end.toISOString(),
    timeZone: deskTimeZone(),
    rows,
  }
}
