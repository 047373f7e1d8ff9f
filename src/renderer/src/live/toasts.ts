/**
 * The desk's live toasts: an authority hears when a booking arrives in its queue, the front desk
 * when one of its bookings is approved or declined. Found by re-reading (the feed carries no
 * patient data): what is new is what was not there at the last look.
 */
import { RESOURCE_LABEL, URGENCY_LABEL } from '../../../shared/labels'
import type { PublicUser } from '../../../shared/contract/auth'
import { call } from '../api/client'
import { i18n } from '../i18n'
import type { ToastStore } from '../ui/toasts'
import type { LiveClient } from './client'
import { Novelty } from './novelty'

/** Start the toasts of the signed-in user; returns the stop. */
export function watchForToasts(live: LiveClient, user: PublicUser, toasts: ToastStore): () => void {
  if (user.role === 'hospital-authority') {
    const queue = new Novelty()
    const look = async () => {
      const list = await call('bookings.list', { status: 'pending', limit: 50 })
      for (const b of queue.fresh(list.items))
        toasts.notice(
          i18n.t('ui.toast.newBooking', { ref: b.bookingReference }),
          i18n.t('ui.toast.newBookingDetail', {
            patient: b.patientName,
            resource: RESOURCE_LABEL[b.resourceType].one,
            urgency: URGENCY_LABEL[b.urgency],
          }),
          b.urgency === 'critical' || b.urgency === 'high' ? 'danger' : 'info',
        )
    }
    void look().catch(() => {})
    return live.on(['bookings'], () => void look().catch(() => {}))
  }
  if (user.role === 'user') {
    const decided = new Novelty()
    const look = async () => {
      const list = await call('notifications.list', { unreadOnly: true, limit: 30 })
      const news = list.items.filter((n) => n.type === 'booking_approved' || n.type === 'booking_declined')
      for (const n of decided.fresh(news))
        toasts.notice(n.title, n.message, n.type === 'booking_approved' ? 'success' : 'danger')
    }
    void look().catch(() => {})
    return live.on(['notifications'], () => void look().catch(() => {}))
  }
  return () => {}
}
