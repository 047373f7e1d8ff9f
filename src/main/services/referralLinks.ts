/** A booking's referral links, read for `bookings.get`: where it was referred to, where it came from. */
import type { ReferralLink } from '../../shared/contract/bookings'
import type { DB } from '../db/open'
import { prep } from './bookingsStatements'

const LINK = `SELECT b.id AS bookingId, b.bookingReference, b.hospitalId, h.name AS hospitalName, r.reason,
       r.referredBy, u.name AS referredByName, r.createdAt AS referredAt
  FROM booking_referrals r
  JOIN bookings b ON b.id = r.%OTHER%
  JOIN hospitals h ON h.id = b.hospitalId
  LEFT JOIN users u ON u.id = r.referredBy
 WHERE r.%SELF% = ?`

export function referralLinks(
  db: DB,
  bookingId: number,
): { referredTo: ReferralLink | null; referredFrom: ReferralLink | null } {
  const to = prep(db, LINK.replace('%OTHER%', 'toBookingId').replace('%SELF%', 'fromBookingId')).get(
    bookingId,
  ) as ReferralLink | undefined
  const from = prep(db, LINK.replace('%OTHER%', 'fromBookingId').replace('%SELF%', 'toBookingId')).get(
    bookingId,
  ) as ReferralLink | undefined
  return { referredTo: to ?? null, referredFrom: from ?? null }
}
