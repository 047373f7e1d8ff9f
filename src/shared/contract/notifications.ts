import { z } from 'zod'
import { channel } from '../channel'
import { id, page, type Paged } from '../schemas'

export const NOTIFICATION_TYPES = [
  'booking_submitted',
  'booking_approved',
  'booking_admitted',
  'booking_declined',
  'booking_cancelled',
  'booking_completed',
] as const
export type NotificationType = (typeof NOTIFICATION_TYPES)[number]

export interface BookingNotification {
  id: number
  userId: number
  bookingId: number
  bookingReference: string | null
  type: NotificationType
  title: string
  message: string
  isRead: boolean
  createdAt: string
}

export interface NotificationList extends Paged<BookingNotification> {
  unread: number
}

const SIGNED_IN = ['user', 'hospital-authority', 'admin'] as const

export const notificationsChannels = {
  /** The signed-in user's notifications, newest first, with how many are unread. */
  'notifications.list': channel(
    z.object({ unreadOnly: z.boolean({ error: 'must be true or false' }).optional(), ...page }).strict(),
    SIGNED_IN,
  ).returns<NotificationList>(),
  /** Mark some (`ids`) or all (`all: true`) of the signed-in user's notifications read. */
  'notifications.markRead': channel(
    z
      .object({
        ids: z
          .array(id, { error: 'must be a list of ids' })
          .min(1, 'must name at least one')
          .max(500)
          .optional(),
        all: z.literal(true, { error: 'must be true' }).optional(),
      })
      .strict()
      .refine((v) => (v.ids === undefined) !== (v.all === undefined), {
        message: 'give either ids or all: true',
        path: ['ids'],
      }),
    SIGNED_IN,
  ).returns<{ updated: number; unread: number }>(),
}
