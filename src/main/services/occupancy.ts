/**
 * Occupancy over time, replayed from `resource_audit_log`: every change of a resource's counts is
 * an audit row holding the counts after it (the ledger writes both together), so the counts at any
 * instant are the last row's before it, and a bucket's peak and time-weighted average follow from
 * the rows inside it. Nothing is kept that could drift from the record.
 */
import { addHours } from 'date-fns'
import type { z } from 'zod'
import type {
  OccupancyBucket,
  OccupancyReport,
  PeakAverage,
  occupancyInput,
} from '../../shared/contract/reports'
import type { ResourceType } from '../../shared/schemas'
import type { DB } from '../db/open'
import { listScope } from './scope'
import { prep } from './bookingsStatements'
import type { ActorContext } from './context'
import { dayAfter, dayStart, deskDateOf, deskTimeZone } from './deskDay'
import { requireHospital } from './hospitals'
import type { ResourceCounts } from './resourceLedger'

type OccupancyInput = z.output<typeof occupancyInput>

const KEYS = ['occupied', 'reserved', 'maintenance', 'total'] as const
type Key = (typeof KEYS)[number]
export type Counts = Record<Key, number>

const ZERO: Counts = { occupied: 0, reserved: 0, maintenance: 0, total: 0 }

function parse(json: string | null): Counts {
  if (!json) return ZERO // a deleted resource holds nothing
  const v = JSON.parse(json) as Partial<ResourceCounts>
  return {
    occupied: v.occupied ?? 0,
    reserved: v.reserved ?? 0,
    maintenance: v.maintenance ?? 0,
    total: v.total ?? 0,
  }
}

/**
 * The counts in force at `at`: those after the last audit row before it. With no row before it,
 * those before the first row after it; with no row at all, the counts now: every change goes
 * through the ledger with its audit row, so a resource without rows has never changed (a row
 * written by an import or an adoption, before the desk kept its trail).
 */
export function countsAt(db: DB, hospitalId: number, resourceType: ResourceType, at: Date): Counts {
  const before = prep(
    db,
    `SELECT newValues FROM resource_audit_log
      WHERE hospitalId = ? AND resourceType = ? AND createdAt < ?
      ORDER BY createdAt DESC, id DESC LIMIT 1`,
  ).get(hospitalId, resourceType, at.toISOString()) as { newValues: string | null } | undefined
  if (before) return parse(before.newValues)
  const after = prep(
    db,
    `SELECT oldValues FROM resource_audit_log
      WHERE hospitalId = ? AND resourceType = ? AND createdAt >= ?
      ORDER BY createdAt, id LIMIT 1`,
  ).get(hospitalId, resourceType, at.toISOString()) as { oldValues: string | null } | undefined
  if (after) return parse(after.oldValues)
  const now = prep(
    db,
    'SELECT total, occupied, reserved, maintenance FROM hospital_resources WHERE hospitalId = ? AND resourceType = ?',
  ).get(hospitalId, resourceType) as Counts | undefined
  return now ?? ZERO
}

export interface Span {
  start: Date
  end: Date
}

export interface ReplayedBucket extends Span {
  peak: Counts
  /** Time-weighted averages; for an empty span, the counts at its start. */
  average: Counts
}

/**
 * Replay one resource over consecutive spans (each starting where the previous ended). A change
 * at exactly a span's start belongs to that span; every state reached inside a span counts toward
 * its peak, even one that lasted no time.
 */
export function replay(
  db: DB,
  hospitalId: number,
  resourceType: ResourceType,
  spans: Span[],
): ReplayedBucket[] {
  if (!spans.length) return []
  const first = spans[0]!.start
  const last = spans[spans.length - 1]!.end
  let state = countsAt(db, hospitalId, resourceType, first)
  // Arrays, not row objects; the time as epoch milliseconds from SQLite's own date parser (cheaper
  // than Date.parse in JS); and each distinct set of counts parsed once: a busy resource has tens of
  // thousands of rows in 90 days but only a few hundred distinct count sets.
  const rows = prep(
    db,
    `SELECT CAST((julianday(createdAt) - 2440587.5) * 86400000 + 0.5 AS INTEGER), newValues FROM resource_audit_log
      WHERE hospitalId = ? AND resourceType = ? AND createdAt >= ? AND createdAt < ?
      ORDER BY createdAt, id`,
  )
    .raw(true)
    .all(hospitalId, resourceType, first.toISOString(), last.toISOString()) as [number, string | null][]
  const parsed = new Map<string | null, Counts>()
  const countsOf = (json: string | null): Counts => {
    let c = parsed.get(json)
    if (!c) parsed.set(json, (c = parse(json)))
    return c
  }
  let i = 0
  return spans.map(({ start, end }) => {
    const startMs = start.getTime()
    // A change at the span's very first instant sets its first state: what it replaced is not in it.
    while (i < rows.length && rows[i]![0] <= startMs) state = countsOf(rows[i++]![1])
    const peak = { ...state }
    const area: Counts = { ...ZERO }
    let t = start.getTime()
    const endMs = end.getTime()
    const add = (until: number) => {
      for (const k of KEYS) area[k] += state[k] * (until - t)
      t = until
    }
    while (i < rows.length) {
      const at = rows[i]![0]
      if (at >= endMs) break
      add(Math.max(t, at))
      state = countsOf(rows[i]![1])
      for (const k of KEYS) peak[k] = Math.max(peak[k], state[k])
      i++
    }
    add(endMs)
    const span = endMs - startMs
    const average = { ...ZERO }
    for (const k of KEYS) average[k] = span > 0 ? area[k] / span : state[k]
    return { start, end, peak, average }
  })
}

/** The buckets from the first desk day's midnight to the last's end, cut at now. */
function spansOf(input: OccupancyInput, now: Date): Span[] {
  const spans: Span[] = []
  const end = dayAfter(input.to)
  let start = dayStart(input.from)
  let day = 0
  while (start < end && start < now) {
    let next: Date
    if (input.bucket === 'hour') next = addHours(start, 1)
    else if (input.bucket === 'day') next = dayAfter(input.from, ++day)
    else next = dayAfter(input.from, (day += 7))
    if (next > end) next = end
    spans.push({ start, end: next < now ? next : now })
    start = next
  }
  return spans
}

const two = (n: number) => Math.round(n * 100) / 100

function label(start: Date, bucket: OccupancyInput['bucket']): string {
  const date = deskDateOf(start)
  if (bucket !== 'hour') return date
  return `${date} ${String(start.getHours()).padStart(2, '0')}:00`
}

export function occupancy(ctx: ActorContext, input: OccupancyInput): OccupancyReport {
  const { db, actor } = ctx
  listScope(actor, input.hospitalId, 'reports')
  const hospital = requireHospital(db, input.hospitalId, 'hospitalId')
  const buckets: OccupancyBucket[] = replay(
    db,
    hospital.id,
    input.resourceType,
    spansOf(input, ctx.now()),
  ).map((b) => {
    const pa = (k: Key): PeakAverage => ({ peak: b.peak[k], average: two(b.average[k]) })
    return {
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      label: label(b.start, input.bucket),
      occupied: pa('occupied'),
      reserved: pa('reserved'),
      maintenance: pa('maintenance'),
      total: pa('total'),
    }
  })
  return {
    hospitalId: hospital.id,
    hospitalName: hospital.name,
    resourceType: input.resourceType,
    bucket: input.bucket,
    from: input.from,
    to: input.to,
    timeZone: deskTimeZone(),
    buckets,
  }
}
