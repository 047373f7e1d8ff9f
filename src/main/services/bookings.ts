/**
 * The booking desk: intake, the authority's decision, admission and discharge. Every transition is
 * one write transaction (BEGIN IMMEDIATE): the booking row, its status-history row, a notification
 * to the booking's creator, and (where a unit is reserved, occupied or freed) the resource counts
 * with their audit row through the resource ledger. The booking is re-read inside the transaction,
 * so two desks writing the same file cannot both take the last bed.
 */
import { addHours } from 'date-fns'
import { RESOURCE_LABEL } from '../../shared/labels'
import type { z } from 'zod'
import {
  SEARCH_CAP,
  type Booking,
  type BookingDetail,
  type BookingList,
  type BookingStatus,
  type StatusChange,
  type bookingCreateInput,
  type bookingListInput,
} from '../../shared/contract/bookings'
import type { NotificationType } from '../../shared/contract/notifications'
import { DeskError } from '../../shared/errors'
import { toAsciiDigits } from '../../shared/locale/digits'
import { phoneSearchPrefix } from '../../shared/phone'
import { AHEAD_YEARS, tooFarAhead, type ResourceType } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import { prep } from './bookingsStatements'
import { nameMatches } from './nameIndex'
import type { Actor, ActorContext } from './context'
import { assertActsFor, listScope } from './scope'
import { assertHospitalApproved } from './hospitals'
import { hospitalAuthorities, notificationsForBooking, notify } from './notifications'
import { referralLinks } from './referralLinks'
import { applyResourceChange, countsOf, type ResourceCounts, type ResourceRow } from './resourceLedger'

type CreateInput = z.output<typeof bookingCreateInput>
type ListInput = z.output<typeof bookingListInput>

export type BookingRow = Omit<Booking, 'hospitalName'>

/**
 * The queue order as SQL. Written exactly as in migration 003's indexes: SQLite uses an index on an
 * expression only when the query spells the same expression.
 */
export const URGENCY_RANK_SQL = `(CASE urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)`
export const QUEUE_ORDER_SQL = `${URGENCY_RANK_SQL}, scheduledDate, id`
/** The phone as searched: without the spaces and dashes people type (migration 003's index). */
export const PHONE_SQL = `replace(replace(emergencyContactPhone, ' ', ''), '-', '')`

export const REFERENCE_PATTERN = /^RC-\d{4}-\d{6}$/

// ---------------------------------------------------------------------------------------------
// Reading

export function hospitalName(db: DB, hospitalId: number): string {
  return (
    (prep(db, 'SELECT name FROM hospitals WHERE id = ?').pluck().get(hospitalId) as string | undefined) ?? ''
  )
}

function userName(db: DB, userId: number | null): string | null {
  if (userId === null) return null
  return (prep(db, 'SELECT name FROM users WHERE id = ?').pluck().get(userId) as string | undefined) ?? null
}

/** The resource ledger's row, read through a prepared statement kept for the hot path. */
export function getResource(db: DB, hospitalId: number, resourceType: ResourceType): ResourceRow | undefined {
  return prep(db, 'SELECT * FROM hospital_resources WHERE hospitalId = ? AND resourceType = ?').get(
    hospitalId,
    resourceType,
  ) as ResourceRow | undefined
}

export function bookingRow(db: DB, id: number): BookingRow | undefined {
  return prep(db, 'SELECT * FROM bookings WHERE id = ?').get(id) as BookingRow | undefined
}

function withHospitalNames(db: DB, rows: BookingRow[]): Booking[] {
  const ids = [...new Set(rows.map((r) => r.hospitalId))]
  const names = new Map(
    (
      prep(db, 'SELECT id, name FROM hospitals WHERE id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(ids),
      ) as {
        id: number
        name: string
      }[]
    ).map((h) => [h.id, h.name]),
  )
  return rows.map((r) => ({ ...r, hospitalName: names.get(r.hospitalId) ?? '' }))
}

function history(db: DB, bookingId: number): StatusChange[] {
  return prep(
    db,
    `SELECT h.id, h.oldStatus, h.newStatus, h.changedBy, u.name AS changedByName, h.reason, h.notes, h.changedAt
         FROM booking_status_history h LEFT JOIN users u ON u.id = h.changedBy
        WHERE h.bookingId = ? ORDER BY h.id`,
  ).all(bookingId) as StatusChange[]
}

export function detail(db: DB, row: BookingRow): BookingDetail {
  const resource = getResource(db, row.hospitalId, row.resourceType)
  return {
    ...row,
    hospitalName: hospitalName(db, row.hospitalId),
    ...referralLinks(db, row.id),
    createdByName: userName(db, row.userId) ?? '',
    approvedByName: userName(db, row.approvedBy),
    history: history(db, row.id),
    notifications: notificationsForBooking(db, row.id),
    resource: resource ? countsOf(resource) : null,
  }
}

export function getBooking(ctx: ActorContext, id: number): BookingDetail {
  const row = bookingRow(ctx.db, id)
  if (!row) throw new DeskError('NOT_FOUND', `There is no booking with id ${id}.`)
  assertActsFor(ctx.actor, row.hospitalId, 'see this booking')
  return detail(ctx.db, row)
}

// ---------------------------------------------------------------------------------------------
// Intake

/** The next reference of this year: RC-YYYY-NNNNNN, one more than the highest this file holds. */
export function nextReference(db: DB, year: number): string {
  const prefix = `RC-${year}-`
  const last = prep(
    db,
    'SELECT max(bookingReference) FROM bookings WHERE bookingReference >= ? AND bookingReference <= ?',
  )
    .pluck()
    .get(`${prefix}000000`, `${prefix}999999`) as string | null
  const next = last ? Number(last.slice(prefix.length)) + 1 : 1
  if (!Number.isInteger(next) || next > 999_999) {
    throw new DeskError(
      'CONFLICT',
      `This desk has used every booking reference of ${year} (RC-${year}-999999).`,
    )
  }
  return `${prefix}${String(next).padStart(6, '0')}`
}

function checkScheduledDate(scheduled: Date, now: Date): void {
  if (scheduled < addHours(now, -24))
    throw DeskError.field('scheduledDate', 'must not be more than 24 hours in the past')
  const ahead = tooFarAhead(scheduled.toISOString(), now, AHEAD_YEARS.booking)
  if (ahead) throw DeskError.field('scheduledDate', ahead)
}

export function createBooking(ctx: ActorContext, input: CreateInput): BookingDetail {
  const { db, actor } = ctx
  const now = ctx.now()
  const scheduled = new Date(input.scheduledDate)
  checkScheduledDate(scheduled, now)
  const patientName = input.patientName.normalize('NFC')
  return writeTx(db, () => {
    const hospital = assertHospitalApproved(db, input.hospitalId)
    assertActsFor(actor, hospital.id, 'register bookings for it')
    if (!getResource(db, hospital.id, input.resourceType)) {
      throw DeskError.field(
        'resourceType',
        `${hospital.name} has no ${RESOURCE_LABEL[input.resourceType].many}`,
      )
    }
    const at = now.toISOString()
    const reference = nextReference(db, now.getFullYear())
    const { lastInsertRowid } = prep(
      db,
      `INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender,
           medicalCondition, urgency, emergencyContactName, emergencyContactPhone, emergencyContactRelationship,
           scheduledDate, estimatedDuration, status, bookingReference, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
    ).run(
      actor.id,
      hospital.id,
      input.resourceType,
      patientName,
      input.patientAge,
      input.patientGender,
      input.medicalCondition,
      input.urgency,
      input.emergencyContactName,
      input.emergencyContactPhone,
      input.emergencyContactRelationship,
      scheduled.toISOString(),
      input.estimatedDuration,
      reference,
      at,
      at,
    )
    const id = Number(lastInsertRowid)
    writeHistory(db, { bookingId: id, oldStatus: null, newStatus: 'pending', changedBy: actor.id, at })
    notify(db, {
      userId: actor.id,
      bookingId: id,
      type: 'booking_submitted',
      title: 'Booking submitted',
      message: `${reference}: ${patientName} is waiting for ${hospital.name} to approve a ${RESOURCE_LABEL[input.resourceType].one}.`,
      createdAt: at,
    })
    // The booking has arrived in its hospital's queue: each of its authorities is told, in the same
    // transaction, so the badge and the list say so even on a desk that was closed when it came.
    for (const userId of hospitalAuthorities(db, hospital.id))
      notify(db, {
        userId,
        bookingId: id,
        type: 'booking_submitted',
        title: 'New booking to approve',
        message: `${reference}: ${patientName}, ${RESOURCE_LABEL[input.resourceType].one}, urgency ${input.urgency}, registered by ${actor.name}.`,
        createdAt: at,
      })
    return detail(db, bookingRow(db, id)!)
  })
}

export function writeHistory(
  db: DB,
  row: {
    bookingId: number
    oldStatus: BookingStatus | null
    newStatus: BookingStatus
    changedBy: number
    reason?: string | null
    notes?: string | null
    at: string
  },
): void {
  prep(
    db,
    `INSERT INTO booking_status_history (bookingId, oldStatus, newStatus, changedBy, reason, notes, changedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.bookingId,
    row.oldStatus,
    row.newStatus,
    row.changedBy,
    row.reason ?? null,
    row.notes ?? null,
    row.at,
  )
}

// ---------------------------------------------------------------------------------------------
// Transitions

type Verb = 'approve' | 'decline' | 'admit' | 'discharge' | 'cancel'

interface Transition {
  verb: Verb
  /** Shown in messages: "only a pending booking can be approved". */
  past: string
  from: readonly BookingStatus[]
  to: BookingStatus
  notification: NotificationType
  title: string
  reason?: string
  notes?: string
  /** Extra columns of the booking row. */
  set?: (at: string, actor: Actor) => Record<string, string | number | null>
}

interface CountChange {
  action: 'allocate' | 'release'
  from: keyof ResourceCounts
  to: keyof ResourceCounts
}

/** What each step does to the resource counts (of the booking's hospital and resource type). */
function countChange(from: BookingStatus, to: BookingStatus): CountChange | null {
  if (to === 'approved') return { action: 'allocate', from: 'available', to: 'reserved' }
  if (to === 'admitted') return { action: 'allocate', from: 'reserved', to: 'occupied' }
  if (to === 'completed') return { action: 'release', from: 'occupied', to: 'available' }
  if (to === 'cancelled' && from === 'approved')
    return { action: 'release', from: 'reserved', to: 'available' }
  return null
}

const COUNT_WORD: Record<keyof ResourceCounts, string> = {
  total: 'in total',
  available: 'available',
  reserved: 'reserved',
  occupied: 'occupied',
  maintenance: 'in maintenance',
}

function transition(ctx: ActorContext, id: number, t: Transition): BookingDetail {
  const { db, actor } = ctx
  return writeTx(db, () => {
    const row = bookingRow(db, id)
    if (!row) throw new DeskError('NOT_FOUND', `There is no booking with id ${id}.`)
    assertActsFor(actor, row.hospitalId, `${t.verb} its bookings`)
    if (!t.from.includes(row.status)) {
      const allowed = t.from.join(' or ')
      throw new DeskError(
        'CONFLICT',
        `${row.bookingReference} is ${row.status}: only a ${allowed} booking can be ${t.past}.`,
        { status: row.status },
      )
    }
    const label = RESOURCE_LABEL[row.resourceType].one
    const hospital = hospitalName(db, row.hospitalId)
    if (t.verb === 'approve') assertHospitalApproved(db, row.hospitalId)
    const at = ctx.now().toISOString()
    const change = countChange(row.status, t.to)
    if (change)
      moveOne(ctx, row.hospitalId, row.resourceType, change, `${row.bookingReference} ${t.past}`, () => {
        if (change.from === 'available') {
          return new DeskError(
            'CONFLICT',
            `No ${label} is available at ${hospital} right now, so ${row.bookingReference} cannot be approved.`,
            { resourceType: row.resourceType, available: 0 },
          )
        }
        return new DeskError(
          'CONFLICT',
          `${hospital} shows no ${label} ${COUNT_WORD[change.from]}; its resource counts need correcting before ${row.bookingReference} can be ${t.past}.`,
        )
      })
    const extra = t.set?.(at, actor) ?? {}
    const columns = ['status', 'updatedAt', ...Object.keys(extra)]
    prep(db, `UPDATE bookings SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
      t.to,
      at,
      ...Object.values(extra),
      id,
    )
    writeHistory(db, {
      bookingId: id,
      oldStatus: row.status,
      newStatus: t.to,
      changedBy: actor.id,
      reason: t.reason,
      notes: t.notes,
      at,
    })
    const because = t.reason ? ` Reason: ${t.reason}` : ''
    notify(db, {
      userId: row.userId,
      bookingId: id,
      type: t.notification,
      title: t.title,
      message: `${row.bookingReference}: ${row.patientName}, ${label} at ${hospital}, was ${t.past} by ${actor.name}.${because}`,
      createdAt: at,
    })
    return detail(db, bookingRow(db, id)!)
  })
}

function moveOne(
  ctx: ActorContext,
  hospitalId: number,
  resourceType: ResourceType,
  change: CountChange,
  reason: string,
  refusal: () => DeskError,
): void {
  const before = getResource(ctx.db, hospitalId, resourceType)
  if (!before || before[change.from] < 1) throw refusal()
  const next = countsOf(before)
  next[change.from] -= 1
  next[change.to] += 1
  applyResourceChange(ctx, { hospitalId, resourceType, action: change.action, next, reason })
}

export function approveBooking(
  ctx: ActorContext,
  input: { id: number; authorityNotes?: string },
): BookingDetail {
  return transition(ctx, input.id, {
    verb: 'approve',
    past: 'approved',
    from: ['pending'],
    to: 'approved',
    notification: 'booking_approved',
    title: 'Booking approved',
    notes: input.authorityNotes,
    set: (at, actor) => ({
      approvedBy: actor.id,
      approvedAt: at,
      authorityNotes: input.authorityNotes ?? null,
    }),
  })
}

export function declineBooking(
  ctx: ActorContext,
  input: { id: number; declineReason: string },
): BookingDetail {
  return transition(ctx, input.id, {
    verb: 'decline',
    past: 'declined',
    from: ['pending'],
    to: 'declined',
    notification: 'booking_declined',
    title: 'Booking declined',
    reason: input.declineReason,
    set: () => ({ declineReason: input.declineReason }),
  })
}

export function admitBooking(ctx: ActorContext, input: { id: number; notes?: string }): BookingDetail {
  return transition(ctx, input.id, {
    verb: 'admit',
    past: 'admitted',
    from: ['approved'],
    to: 'admitted',
    notification: 'booking_admitted',
    title: 'Patient admitted',
    notes: input.notes,
  })
}

export function dischargeBooking(ctx: ActorContext, input: { id: number; notes?: string }): BookingDetail {
  return transition(ctx, input.id, {
    verb: 'discharge',
    past: 'discharged',
    from: ['admitted'],
    to: 'completed',
    notification: 'booking_completed',
    title: 'Patient discharged',
    notes: input.notes,
  })
}

export function cancelBooking(ctx: ActorContext, input: { id: number; reason: string }): BookingDetail {
  return transition(ctx, input.id, {
    verb: 'cancel',
    past: 'cancelled',
    from: ['pending', 'approved'],
    to: 'cancelled',
    notification: 'booking_cancelled',
    title: 'Booking cancelled',
    reason: input.reason,
  })
}

// ---------------------------------------------------------------------------------------------
// The list: the queue, the desk's day, and search

export type SearchKind = 'reference' | 'phone' | 'name'

/** What a search box's text is: a reference (RC-…), a phone number (digits), or part of a name. */
export function classifySearch(text: string): { kind: SearchKind; value: string } {
  const t = text.normalize('NFC').trim()
  // A reference or phone typed with Bangla digits is searched as the ASCII digits it is stored as.
  const ascii = toAsciiDigits(t)
  if (/^rc-?\d/i.test(ascii)) return { kind: 'reference', value: ascii.toUpperCase() }
  // Phones are stored in E.164: the typed start of one becomes the same form (01711 → +8801711).
  const phonePrefix = phoneSearchPrefix(ascii)
  if (phonePrefix) return { kind: 'phone', value: phonePrefix }
  return { kind: 'name', value: t }
}

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export interface Where {
  /** When set, the first clause and parameter are `hospitalId = ?` and this id. */
  hospitalId?: number | null
  clauses: string[]
  params: unknown[]
}

function filters(ctx: ActorContext, input: ListInput): Where {
  const clauses: string[] = []
  const params: unknown[] = []
  const hospitalId = listScope(ctx.actor, input.hospitalId, 'bookings')
  if (hospitalId !== null) {
    clauses.push('hospitalId = ?')
    params.push(hospitalId)
  }
  if (input.status) {
    clauses.push('status = ?')
    params.push(input.status)
  }
  if (input.urgency) {
    clauses.push('urgency = ?')
    params.push(input.urgency)
  }
  if (input.resourceType) {
    clauses.push('resourceType = ?')
    params.push(input.resourceType)
  }
  if (input.scheduledFrom) {
    clauses.push('scheduledDate >= ?')
    params.push(new Date(input.scheduledFrom).toISOString())
  }
  if (input.scheduledTo) {
    clauses.push('scheduledDate < ?')
    params.push(new Date(input.scheduledTo).toISOString())
  }
  return { hospitalId, clauses, params }
}

function whereSql(clauses: string[]): string {
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
}

/** One query of a search's matching ids, with the orders its index reads them in. */
export interface SearchQuery {
  sql: string
  /** Newest first. */
  order: string
  /** The index's own order, oldest first. */
  ascending: string
  params: unknown[]
}

/**
 * The bookings a search matches, as queries of their ids (without ORDER BY or LIMIT) and the order
 * their index reads them in, newest first: a reference's index, the phone's, or the name index. A
 * name is asked of the name index as the text itself and, apart, as its sound (nameIndex.ts): then
 * there are two queries, both in booking id order, whose matches the caller merges. One character
 * within one hospital is matched by reading that hospital's names.
 */
export function searchSql(text: string, where: Where): SearchQuery[] {
  const { kind, value } = classifySearch(text)
  // `+` keeps the filters off their own indexes, so the reference's or phone's index leads.
  const andUnindexed = where.clauses.map((c) => ` AND +b.${c}`).join('')
  if (kind === 'reference') {
    return [
      {
        sql: `SELECT b.id FROM bookings b WHERE b.bookingReference >= ? AND b.bookingReference < ?${andUnindexed}`,
        order: 'b.bookingReference DESC',
        ascending: 'b.bookingReference',
        params: [value, `${value}~`, ...where.params],
      },
    ]
  }
  if (kind === 'phone') {
    const phoneExpr = PHONE_SQL.replace('emergencyContactPhone', 'b.emergencyContactPhone')
    return [
      {
        sql: `SELECT b.id FROM bookings b WHERE ${phoneExpr} >= ? AND ${phoneExpr} < ?${andUnindexed}`,
        order: `${phoneExpr} DESC, b.id DESC`,
        ascending: `${phoneExpr}, b.id`,
        params: [value, `${value}~`, ...where.params],
      },
    ]
  }
  const oneHospital = where.hospitalId !== undefined && where.hospitalId !== null
  const matches = nameMatches(value, oneHospital ? where.hospitalId! : null)
  if (!matches.length && oneHospital) {
    // One character within one hospital: its names are read from the covering index of migration
    // 006 (only that hospital's entries), a few milliseconds.
    const rest = where.clauses
      .slice(1)
      .map((c) => ` AND +b.${c}`)
      .join('')
    return [
      {
        sql: `SELECT b.id FROM bookings b INDEXED BY idx_bookings_hospital_name
               WHERE b.hospitalId = ? AND b.patientName LIKE ? ESCAPE '\\'${rest}`,
        order: 'b.id DESC',
        ascending: 'b.id',
        params: [where.hospitalId, likeContains(value), ...where.params.slice(1)],
      },
    ]
  }
  // Within one hospital the index's words are that hospital's own (migration 013), so its matches
  // come from the index without reading the bookings of every other hospital.
  const rest = oneHospital ? { clauses: where.clauses.slice(1), params: where.params.slice(1) } : where
  return matches.map((match) =>
    rest.clauses.length
      ? {
          // CROSS JOIN keeps the name index as the outer loop, read in booking order.
          sql: `SELECT b.id FROM bookings_name_fts f CROSS JOIN bookings b ON b.id = f.rowid
                 WHERE bookings_name_fts MATCH ?${rest.clauses.map((c) => ` AND b.${c}`).join('')}`,
          order: 'f.rowid DESC',
          ascending: 'f.rowid',
          params: [match, ...rest.params],
        }
      : {
          // Nothing else to check: the name index alone answers, without reading a booking.
          sql: `SELECT rowid AS id FROM bookings_name_fts WHERE bookings_name_fts MATCH ?`,
          order: 'rowid DESC',
          ascending: 'rowid',
          params: [match],
        },
  )
}

/**
 * The ids of a search's matches up to `cap + 1`, newest first, and how many there are up to that.
 * One pass per query in its index's own (ascending) order counts the matches up to the cap and,
 * when they are fewer, is all of them: newest first is then that list reversed. Only past the cap is
 * each index read again, newest first, for the page; common names reach the cap almost at once.
 * Several queries (a name's text and its sound) are all in booking id order: their matches merge.
 */
function searchIds(
  db: DB,
  queries: SearchQuery[],
  offset: number,
  end: number,
): { ids: number[]; matched: number } {
  const firsts = queries.map(
    (q) =>
      prep(db, `${q.sql} ORDER BY ${q.ascending} LIMIT ${SEARCH_CAP + 1}`)
        .pluck()
        .all(...q.params) as number[],
  )
  const ascending = mergeIds(firsts, (a, b) => a - b).slice(0, SEARCH_CAP + 1)
  const matched = ascending.length
  if (matched <= SEARCH_CAP) return { ids: ascending.reverse().slice(offset, end), matched }
  // Past the cap, the newest of each query: one the first pass read whole already has them.
  const newest = mergeIds(
    queries.map((q, i) =>
      firsts[i]!.length <= SEARCH_CAP
        ? [...firsts[i]!].reverse()
        : (prep(db, `${q.sql} ORDER BY ${q.order} LIMIT ?`)
            .pluck()
            .all(...q.params, end) as number[]),
    ),
    (a, b) => b - a,
  )
  return { ids: newest.slice(offset, end), matched }
}

/** Lists each sorted by `compare`, as one sorted list without repeats (a single list as it is). */
function mergeIds(lists: number[][], compare: (a: number, b: number) => number): number[] {
  if (lists.length === 1) return lists[0]!
  return [...new Set(lists.flat())].sort(compare)
}

export function listBookings(ctx: ActorContext, input: ListInput): BookingList {
  const { db } = ctx
  const where = filters(ctx, input)
  const search = input.search?.trim()
  if (search) {
    // A search lists its matches newest first and counts them up to SEARCH_CAP: ordering every
    // match of a common name in queue order would read them all, which a search box cannot wait for.
    const end = Math.min(input.offset + input.limit, SEARCH_CAP)
    const { ids, matched } = searchIds(db, searchSql(search, where), input.offset, end)
    const byId = new Map(
      (
        prep(db, 'SELECT * FROM bookings WHERE id IN (SELECT value FROM json_each(?))').all(
          JSON.stringify(ids),
        ) as BookingRow[]
      ).map((row) => [row.id, row]),
    )
    const rows = ids.map((id) => byId.get(id)!).filter(Boolean)
    return {
      items: withHospitalNames(db, rows),
      total: Math.min(matched, SEARCH_CAP),
      capped: matched > SEARCH_CAP,
    }
  }
  const w = whereSql(where.clauses)
  const rows = prep(db, `SELECT * FROM bookings ${w} ORDER BY ${QUEUE_ORDER_SQL} LIMIT ? OFFSET ?`).all(
    ...where.params,
    input.limit,
    input.offset,
  ) as BookingRow[]
  const total = prep(db, `SELECT COUNT(*) FROM bookings ${w}`)
    .pluck()
    .get(...where.params) as number
  return { items: withHospitalNames(db, rows), total, capped: false }
}
