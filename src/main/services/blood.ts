/**
 * Blood requests. An active request whose requiredBy has passed is expired: on every read (the list
 * runs `expireBloodRequests` first) and by maintenance, which calls the same function.
 */
import type { BloodRequest, BloodStatus, BloodType } from '../../shared/contract/blood'
import { DeskError } from '../../shared/errors'
import { AHEAD_YEARS, tooFarAhead, type Paged, type Urgency } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import type { ActorContext } from './context'
import { hospitalName } from './pricing'
import { assertActsFor, mayActFor } from './scope'

/**
 * Mark every active request whose requiredBy is before `now` as expired; returns how many. Safe to
 * call at any time, from any caller (maintenance included): it only ever moves active → expired.
 */
export function expireBloodRequests(db: DB, now: Date): number {
  const iso = now.toISOString()
  const run = () =>
    db
      .prepare(
        `UPDATE blood_requests SET status = 'expired', updatedAt = ?
          WHERE status = 'active' AND requiredBy IS NOT NULL AND julianday(requiredBy) < julianday(?)`,
      )
      .run(iso, iso).changes
  return db.inTransaction ? run() : writeTx(db, run)
}

const SELECT = `
  SELECT r.*, h.name AS hospitalName, u.name AS requestedBy
    FROM blood_requests r
    LEFT JOIN hospitals h ON h.id = r.hospitalId
    JOIN users u ON u.id = r.userId`

function getRow(db: DB, id: number): BloodRequest | undefined {
  return db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as BloodRequest | undefined
}

export function listBloodRequests(
  ctx: ActorContext,
  f: {
    bloodType?: BloodType
    urgency?: Urgency
    status?: BloodStatus
    hospitalId?: number
    limit: number
    offset: number
  },
): Paged<BloodRequest> {
  expireBloodRequests(ctx.db, ctx.now())
  const where: string[] = []
  const args: unknown[] = []
  const add = (sql: string, value: unknown) => {
    where.push(sql)
    args.push(value)
  }
  if (f.bloodType) add('r.bloodType = ?', f.bloodType)
  if (f.urgency) add('r.urgency = ?', f.urgency)
  if (f.status) add('r.status = ?', f.status)
  if (f.hospitalId !== undefined) add('r.hospitalId = ?', f.hospitalId)
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const items = ctx.db
    .prepare(
      `${SELECT} ${clause}
       ORDER BY CASE r.status WHEN 'active' THEN 0 ELSE 1 END,
                CASE r.urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END,
                r.requiredBy IS NULL, julianday(r.requiredBy), r.id DESC
       LIMIT ? OFFSET ?`,
    )
    .all(...args, f.limit, f.offset) as BloodRequest[]
  const total = ctx.db
    .prepare(`SELECT COUNT(*) FROM blood_requests r ${clause}`)
    .pluck()
    .get(...args) as number
  return { items, total }
}

export function createBloodRequest(
  ctx: ActorContext,
  input: {
    patientName: string
    bloodType: BloodType
    unitsNeeded: number
    urgency: Urgency
    hospitalId?: number | null
    contactPhone: string
    location: string
    medicalCondition?: string
    requiredBy?: string
    notes?: string
  },
): BloodRequest {
  const now = ctx.now()
  const requiredBy = input.requiredBy ? new Date(input.requiredBy) : null
  if (requiredBy && requiredBy.getTime() <= now.getTime())
    throw DeskError.field('requiredBy', 'must be in the future')
  const ahead = requiredBy && tooFarAhead(requiredBy.toISOString(), now, AHEAD_YEARS.blood)
  if (ahead) throw DeskError.field('requiredBy', ahead)
  const hospitalId = input.hospitalId ?? null
  if (ctx.actor.role === 'hospital-authority' && (hospitalId === null || !mayActFor(ctx.actor, hospitalId)))
    throw new DeskError('FORBIDDEN', 'You may raise blood requests for your own hospital only.')
  return writeTx(ctx.db, () => {
    if (hospitalId !== null && !hospitalName(ctx.db, hospitalId))
      throw DeskError.field('hospitalId', 'is not a known hospital')
    // A front desk tied to a hospital raises appeals for that hospital only.
    if (hospitalId !== null) assertActsFor(ctx.actor, hospitalId, 'raise blood requests for it')
    const iso = now.toISOString()
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO blood_requests
           (userId, patientName, bloodType, unitsNeeded, urgency, hospitalId, contactPhone, location,
            medicalCondition, requiredBy, status, notes, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
      )
      .run(
        ctx.actor.id,
        input.patientName,
        input.bloodType,
        input.unitsNeeded,
        input.urgency,
        hospitalId,
        input.contactPhone,
        input.location,
        input.medicalCondition ?? null,
        requiredBy?.toISOString() ?? null,
        input.notes ?? null,
        iso,
        iso,
      )
    return getRow(ctx.db, Number(lastInsertRowid))!
  })
}

export function updateBloodRequest(
  ctx: ActorContext,
  input: { id: number; status: 'fulfilled' | 'cancelled'; notes?: string },
): BloodRequest {
  return writeTx(ctx.db, () => {
    expireBloodRequests(ctx.db, ctx.now())
    const row = getRow(ctx.db, input.id)
    if (!row) throw new DeskError('NOT_FOUND', `There is no blood request #${input.id}.`)
    // An authority, and a front desk tied to a hospital, may not close another hospital's appeal.
    if (
      row.hospitalId === null
        ? ctx.actor.role === 'hospital-authority'
        : !mayActFor(ctx.actor, row.hospitalId)
    )
      throw new DeskError('FORBIDDEN', 'You may update the blood requests of your own hospital only.')
    if (row.status !== 'active') {
      const message = `this request is already ${row.status}; only an active request can be ${input.status}`
      throw new DeskError('CONFLICT', `status: ${message}`, { field: 'status', fields: { status: message } })
    }
    const notes = input.notes ? (row.notes ? `${row.notes}\n${input.notes}` : input.notes) : row.notes
    ctx.db
      .prepare('UPDATE blood_requests SET status = ?, notes = ?, updatedAt = ? WHERE id = ?')
      .run(input.status, notes, ctx.now().toISOString(), row.id)
    return getRow(ctx.db, row.id)!
  })
}
