import { makeAutoObservable } from 'mobx'

export type ToastTone = 'success' | 'info' | 'danger'

export interface Toast {
  id: number
  /** A heading above the message (a notice from elsewhere: "New booking in your queue: RC-…"). */
  title?: string
  message: string
  tone: ToastTone
  action?: { label: string; run: () => void }
}

/** How long a toast stays: long enough to read two lines at a busy desk. */
const LIFETIME_MS = 7000
/** A notice about someone else's doing stays longer: long enough to read a reference aloud. */
export const NOTICE_MS = 10_000
/** How many stay on screen at once: the oldest goes when a fifth comes. */
const MOST = 4

/**
 * The desk's one toast system: what this desk just did (every action confirms itself here) and
 * what the live feed brings from other desks (a booking arriving, a decision on one of ours).
 */
export class ToastStore {
  items: Toast[] = []
  private next = 1

  constructor() {
    makeAutoObservable<ToastStore, 'next'>(this, { next: false })
  }

  show(message: string, tone: ToastTone = 'success', action?: Toast['action']): number {
    return this.add({ message, tone, action }, LIFETIME_MS)
  }

  /** A notice from elsewhere, with a heading. */
  notice(title: string, message: string, tone: ToastTone = 'info'): number {
    return this.add({ title, message, tone }, NOTICE_MS)
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id)
  }

  clear(): void {
    this.items = []
  }

  private add(toast: Omit<Toast, 'id'>, ms: number): number {
    const id = this.next++
    this.items = [...this.items.slice(-(MOST - 1)), { ...toast, id }]
    setTimeout(() => this.dismiss(id), ms)
    return id
  }
}
