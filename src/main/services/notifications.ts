/**
 * Booking notifications: written by the bookings service inside each transition's transaction,
 * read and marked read by the user they are addressed to (and no one else).
 */
import type {
  BookingNotification,
  NotificationList,
  NotificationType,
} from '../../shared/contract/notifications'
import { DeskError } from '../../shared/errors'
import { writeTx, type DB } from '../db/open'
import { prep } from './bookingsStatements'
import type { ActorContext } from './context'

interface NotificationRow extends Omit<BookingNotification, 'isRead'> {
  isRead: number
}

export function toNotification(row: NotificationRow): BookingNotification {
  return { ...row, isRead: !!row.isRead }
}

const SELECT = `SELECT n.id, n.userId, n.bookingId, b.bookingReference, n.type, n.title, n.message, n.isRead, n.createdAt
  FROM booking_notifications n LEFT JOIN bookings b ON b.id = n.bookingId`

/** Write one notification. Runs inside the caller's transaction. */
export function notify(
  db: DB,
  row: {
    userId: number
    bookingId: number
    type: NotificationType
    title: string
    message: string
    createdAt: string
  },
): void {
  prep(
    db,
    `INSERT INTO booking_notifications (userId, bookingId, type, title, message, isRead, createdAt)
     VALUES (?, ?, ?, ?, ?, 0, ?)`,
  ).run(row.userId, row.bookingId, row.type, row.title, row.message, row.createdAt)
}

/**
 * The active authorities of a hospital: who decides on a booking arriving in its queue, and so who
 * is told of it (besides whoever registered it).
 */
export function hospitalAuthorities(db: DB, hospitalId: number): number[] {
  return prep(
    db,
    `SELECT id FROM users WHERE role = 'hospital-authority' AND hospitalId = ? AND status = 'active' ORDER BY id`,
  )
    .pluck()
    .all(hospitalId) as number[]
}

export function notificationsForBooking(db: DB, bookingId: number): BookingNotification[] {
  const rows = prep(db, `${SELECT} WHERE n.bookingId = ? ORDER BY n.id`).all(bookingId) as NotificationRow[]
  return rows.map(toNotification)
}

export function unreadCount(db: DB, userId: number): number {
  return prep(db, 'SELECT COUNT(*) FROM booking_notifications WHERE userId = ? AND isRead = 0')
    .pluck()
    .get(userId) as number
}

export function listNotifications(
  ctx: ActorContext,
  input: { unreadOnly?: boolean; limit: number; offset: number },
): NotificationList {
  const userId = ctx.actor.id
  const unreadFilter = input.unreadOnly ? ' AND n.isRead = 0' : ''
  const items = (
    prep(ctx.db, `${SELECT} WHERE n.userId = ?${unreadFilter} ORDER BY n.id DESC LIMIT ? OFFSET ?`).all(
      userId,
      input.limit,
      input.offset,
    ) as NotificationRow[]
  ).map(toNotification)
  const unread = unreadCount(ctx.db, userId)
  const total = input.unreadOnly
    ? unread
    : (prep(ctx.db, 'SELECT COUNT(*) FROM booking_notifications WHERE userId = ?')
        .pluck()
        .get(userId) as number)
  return { items, total, unread }
}

/** Only the signed-in user's own notifications: naming anyone else's refuses the whole call. */
export function markRead(
  ctx: ActorContext,
  input: { ids?: number[]; all?: true },
): { updated: number; unread: number } {
  const userId = ctx.actor.id
  return writeTx(ctx.db, () => {
    let updated: number
    if (input.all) {
      updated = prep(
        ctx.db,
        'UPDATE booking_notifications SET isRead = 1 WHERE userId = ? AND isRead = 0',
      ).run(userId).changes
    } else {
      const ids = [...new Set(input.ids ?? [])]
      const json = JSON.stringify(ids)
      const mine = prep(
        ctx.db,
        'SELECT COUNT(*) FROM booking_notifications WHERE userId = ? AND id IN (SELECT value FROM json_each(?))',
      )
        .pluck()
        .get(userId, json) as number
      if (mine !== ids.length) {
        throw new DeskError('NOT_FOUND', 'Some of these notifications are not yours or do not exist.', {
          field: 'ids',
          fields: { ids: 'names a notification that is not yours' },
        })
      }
      updated = prep(
        ctx.db,
        'UPDATE booking_notifications SET isRead = 1 WHERE userId = ? AND isRead = 0 AND id IN (SELECT value FROM json_each(?))',
      ).run(userId, json).changes
    }
    return { updated, unread: unreadCount(ctx.db, userId) }
  })
}
