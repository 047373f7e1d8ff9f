import { makeAutoObservable } from 'mobx'

export type ToastTone = 'success' | 'info' | 'danger'

export interface Toast {
  id: number
  message: string
  tone: ToastTone
  action?: { label: string; run: () => void }
}

/** How long a toast stays: long enough to read two lines at a busy desk. */
const LIFETIME_MS = 7000

/** What the desk just did, said once in the corner: every action confirms itself here. */
export class ToastStore {
  items: Toast[] = []
  private next = 1

  constructor() {
    makeAutoObservable(this)
  }

  show(message: string, tone: ToastTone = 'success', action?: Toast['action']): number {
    const id = this.next++
    this.items = [...this.items.slice(-3), { id, message, tone, action }]
    setTimeout(() => this.dismiss(id), LIFETIME_MS)
    return id
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id)
  }

  clear(): void {
    this.items = []
  }
}
