/**
 * Referral: an authority sends a pending or approved booking's patient on to another approved
 * hospital. One write transaction: the original ends (declined, the referral as its reason, a
 * reserved unit released), a new pending booking for the same patient is registered at the other
 * hospital (its counts untouched: its authority decides as for any booking), both histories name
 * each other, the link is recorded, and both hospitals are notified. Any failure leaves nothing.
 */
import type { BookingDetail } from '../../shared/contract/bookings'
import { RESOURCE_LABEL } from '../../shared/labels'
import type { NotificationType } from '../../shared/contract/notifications'
import { DeskError } from '../../shared/errors'
import { assertActsFor } from './scope'
import { writeTx, type DB } from '../db/open'
import {
  bookingRow,
  detail,
  getResource,
  hospitalName,
  nextReference,
  writeHistory,
  type BookingRow,
} from './bookings'
import { prep } from './bookingsStatements'
import type { ActorContext } from './context'
import { assertHospitalApproved } from './hospitals'
import { hospitalAuthorities as authorities, notify } from './notifications'
import { applyResourceChange, countsOf } from './resourceLedger'

export interface ReferInput {
  id: number
  toHospitalId: number
  reason: string
}

export function referBooking(
  ctx: ActorContext,
  input: ReferInput,
): { from: BookingDetail; to: BookingDetail } {
  const { db, actor } = ctx
  return writeTx(db, () => {
    const row = bookingRow(db, input.id)
    if (!row) throw new DeskError('NOT_FOUND', `There is no booking with id ${input.id}.`)
    assertActsFor(actor, row.hospitalId, 'refer its bookings')
    const earlier = prep(
      db,
      `SELECT b.bookingReference, h.name FROM booking_referrals r
         JOIN bookings b ON b.id = r.toBookingId JOIN hospitals h ON h.id = r.toHospitalId
        WHERE r.fromBookingId = ?`,
    ).get(row.id) as { bookingReference: string; name: string } | undefined
    if (earlier) {
      throw new DeskError(
        'CONFLICT',
        `${row.bookingReference} was already referred to ${earlier.name} as ${earlier.bookingReference}.`,
      )
    }
    if (row.status !== 'pending' && row.status !== 'approved') {
      throw new DeskError(
        'CONFLICT',
        `${row.bookingReference} is ${row.status}: only a pending or approved booking can be referred.`,
        { status: row.status },
      )
    }
    if (input.toHospitalId === row.hospitalId)
      throw DeskError.field('toHospitalId', 'must be another hospital than the booking’s own')
    const target = assertHospitalApproved(db, input.toHospitalId, 'toHospitalId')
    const label = RESOURCE_LABEL[row.resourceType].one
    if (!getResource(db, target.id, row.resourceType))
      throw DeskError.field('toHospitalId', `${target.name} has no ${label}s`)

    const now = ctx.now()
    const at = now.toISOString()
    const fromName = hospitalName(db, row.hospitalId)
    if (row.status === 'approved')
      releaseReserved(ctx, row, `${row.bookingReference} referred to ${target.name}`)

    const toReference = nextReference(db, now.getFullYear())
    const toId = insertReferred(db, row, target.id, actor.id, toReference, at)
    const outReason = `Referred to ${target.name} as ${toReference}: ${input.reason}`
    const inReason = `Referred from ${fromName} (${row.bookingReference}): ${input.reason}`
    prep(db, `UPDATE bookings SET status = 'declined', declineReason = ?, updatedAt = ? WHERE id = ?`).run(
      outReason,
      at,
      row.id,
    )
    writeHistory(db, {
      bookingId: row.id,
      oldStatus: row.status,
      newStatus: 'declined',
      changedBy: actor.id,
      reason: outReason,
      at,
    })
    writeHistory(db, {
      bookingId: toId,
      oldStatus: null,
      newStatus: 'pending',
      changedBy: actor.id,
      reason: inReason,
      at,
    })
    prep(
      db,
      `INSERT INTO booking_referrals (fromBookingId, toBookingId, fromHospitalId, toHospitalId, reason, referredBy, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(row.id, toId, row.hospitalId, target.id, input.reason, actor.id, at)

    const who = `${row.patientName}, ${label}`
    // The booking's own hospital: whoever registered it, and its authorities.
    const fromPeople = new Set([row.userId, ...authorities(db, row.hospitalId)])
    for (const userId of fromPeople)
      notifyOne(
        db,
        userId,
        row.id,
        'booking_declined',
        'Booking referred',
        at,
        `${row.bookingReference}: ${who}, was referred by ${actor.name} from ${fromName} to ${target.name} (${toReference}). Reason: ${input.reason}`,
      )
    // The receiving hospital: its authorities, who decide on the new booking.
    for (const userId of new Set([actor.id, ...authorities(db, target.id)]))
      notifyOne(
        db,
        userId,
        toId,
        'booking_submitted',
        'Referral received',
        at,
        `${toReference}: ${who}, referred by ${actor.name} of ${fromName} (${row.bookingReference}), is waiting for ${target.name} to approve. Reason: ${input.reason}`,
      )
    return { from: detail(db, bookingRow(db, row.id)!), to: detail(db, bookingRow(db, toId)!) }
  })
}

function releaseReserved(ctx: ActorContext, row: BookingRow, reason: string): void {
  const before = getResource(ctx.db, row.hospitalId, row.resourceType)
  if (!before || before.reserved < 1) {
    throw new DeskError(
      'CONFLICT',
      `${hospitalName(ctx.db, row.hospitalId)} shows no ${RESOURCE_LABEL[row.resourceType].one} reserved; its resource counts need correcting before ${row.bookingReference} can be referred.`,
    )
  }
  const next = countsOf(before)
  next.reserved -= 1
  next.available += 1
  applyResourceChange(ctx, {
    hospitalId: row.hospitalId,
    resourceType: row.resourceType,
    action: 'release',
    next,
    reason,
  })
}

function insertReferred(
  db: DB,
  row: BookingRow,
  hospitalId: number,
  userId: number,
  reference: string,
  at: string,
): number {
  // A booking scheduled in the past is due now at the new hospital.
  const scheduled = row.scheduledDate > at ? row.scheduledDate : at
  const { lastInsertRowid } = prep(
    db,
    `INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender,
         medicalCondition, urgency, emergencyContactName, emergencyContactPhone, emergencyContactRelationship,
         scheduledDate, estimatedDuration, status, bookingReference, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
  ).run(
    userId,
    hospitalId,
    row.resourceType,
    row.patientName,
    row.patientAge,
    row.patientGender,
    row.medicalCondition,
    row.urgency,
    row.emergencyContactName,
    row.emergencyContactPhone,
    row.emergencyContactRelationship,
    scheduled,
    row.estimatedDuration,
    reference,
    at,
    at,
  )
  return Number(lastInsertRowid)
}

function notifyOne(
  db: DB,
  userId: number,
  bookingId: number,
  type: NotificationType,
  title: string,
  createdAt: string,
  message: string,
): void {
  notify(db, { userId, bookingId, type, title, message, createdAt })
}
