/**
 * The desk's live toasts: an authority hears when a booking arrives in its queue, the front desk
 * when one of its bookings is approved or declined. Found by re-reading (the feed carries no
 * patient data): what is new is what was not there at the last look.
 */
import { makeAutoObservable } from 'mobx'
import { RESOURCE_LABEL } from '../../../shared/contract/bookings'
import type { PublicUser } from '../../../shared/contract/auth'
import { call } from '../api/client'
import type { LiveClient } from './client'
import { Novelty } from './novelty'

export interface Toast {
  id: number
  tone: 'info' | 'good' | 'bad'
  title: string
  message: string
}

/** Long enough to read a reference aloud; the notification stays in the list after. */
export const TOAST_MS = 10_000

export class ToastStore {
  items: Toast[] = []
  private next = 1

  constructor() {
    makeAutoObservable<ToastStore, 'next'>(this, { next: false })
  }

  show(toast: Omit<Toast, 'id'>): void {
    const id = this.next++
    this.items.push({ ...toast, id })
    setTimeout(() => this.dismiss(id), TOAST_MS)
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id)
  }

  clear(): void {
    this.items = []
  }
}

export const toasts = new ToastStore()

/** Start the toasts of the signed-in user; returns the stop. */
export function watchForToasts(live: LiveClient, user: PublicUser): () => void {
  if (user.role === 'hospital-authority') {
    const queue = new Novelty()
    const look = async () => {
      const list = await call('bookings.list', { status: 'pending', limit: 50 })
      for (const b of queue.fresh(list.items))
        toasts.show({
          tone: b.urgency === 'critical' || b.urgency === 'high' ? 'bad' : 'info',
          title: `New booking in your queue: ${b.bookingReference}`,
          message: `${b.patientName}, ${RESOURCE_LABEL[b.resourceType]}, urgency ${b.urgency}.`,
        })
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
        toasts.show({
          tone: n.type === 'booking_approved' ? 'good' : 'bad',
          title: n.title,
          message: n.message,
        })
    }
    void look().catch(() => {})
    return live.on(['notifications'], () => void look().catch(() => {}))
  }
  return () => {}
}
