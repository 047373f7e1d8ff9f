import { makeAutoObservable, runInAction } from 'mobx'
import type { BookingNotification } from '../../../shared/contract/notifications'
import type { DeskError } from '../../../shared/errors'
import { asDeskError, call } from '../api/client'

/** The signed-in user's notifications: the unread badge and the list behind it. */
export class NotificationsStore {
  items: BookingNotification[] = []
  unread = 0
  total = 0
  open = false
  error: DeskError | null = null

  constructor() {
    makeAutoObservable(this)
  }

  toggle(open = !this.open): void {
    this.open = open
    if (open) void this.refresh()
  }

  async refresh(): Promise<void> {
    try {
      const list = await call('notifications.list', { limit: 30 })
      runInAction(() => {
        this.items = list.items
        this.unread = list.unread
        this.total = list.total
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
  }

  async markRead(ids: number[] | 'all'): Promise<void> {
    try {
      const result = await call('notifications.markRead', ids === 'all' ? { all: true } : { ids })
      runInAction(() => {
        this.unread = result.unread
        for (const n of this.items) if (ids === 'all' || ids.includes(n.id)) n.isRead = true
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
  }
}
