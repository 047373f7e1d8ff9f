import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Bill, Payment, PaymentDetail, PaymentStatus } from '../../../shared/contract/payments'
import type { DeskError } from '../../../shared/errors'
import type { PaymentMethod } from '../../../shared/money'
import { asDeskError, call } from '../api/client'

export interface PaymentFilters {
  hospitalId?: number
  paymentMethod?: PaymentMethod
  status?: PaymentStatus
  /** yyyy-mm-dd, local days. */
  fromDay?: string
  toDay?: string
}

const PAGE = 25

function dayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString()
}
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00`)
  d.setDate(d.getDate() + 1)
  return d.toISOString()
}

/** The Payments area: the list with its filters, refunds due, and the record/refund/receipt actions. */
export class PaymentsStore {
  tab: 'all' | 'due' = 'all'
  filters: PaymentFilters = {}
  items: Payment[] = []
  total = 0
  sum = 0
  offset = 0
  dueCount = 0
  loading = false
  error: DeskError | null = null
  /** The payment whose receipt is open. */
  receipt: PaymentDetail | null = null

  constructor() {
    makeAutoObservable(this)
  }

  get pageSize(): number {
    return PAGE
  }

  async load(): Promise<void> {
    this.loading = true
    const f = this.filters
    const input: ChannelInput<'payments.list'> = {
      limit: PAGE,
      offset: this.offset,
      ...(this.tab === 'due'
        ? { refundDue: true }
        : {
            hospitalId: f.hospitalId,
            paymentMethod: f.paymentMethod,
            status: f.status,
            from: f.fromDay ? dayStart(f.fromDay) : undefined,
            to: f.toDay ? dayAfter(f.toDay) : undefined,
          }),
    }
    try {
      const [list, due] = await Promise.all([
        call('payments.list', input),
        call('payments.list', { refundDue: true, limit: 1 }),
      ])
      runInAction(() => {
        this.items = list.items
        this.total = list.total
        this.sum = list.sum
        this.dueCount = due.total
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  setTab(tab: 'all' | 'due'): void {
    this.tab = tab
    this.offset = 0
    void this.load()
  }

  setFilter<K extends keyof PaymentFilters>(key: K, value: PaymentFilters[K]): void {
    this.filters = { ...this.filters, [key]: value || undefined }
    this.offset = 0
    void this.load()
  }

  page(offset: number): void {
    this.offset = Math.max(0, offset)
    void this.load()
  }

  async openReceipt(id: number): Promise<void> {
    try {
      const detail = await call('payments.get', { id })
      runInAction(() => (this.receipt = detail))
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
  }

  closeReceipt(): void {
    this.receipt = null
  }

  /** Record a payment; returns it, or throws the DeskError for the form to show. */
  async record(input: ChannelInput<'payments.record'>): Promise<Payment> {
    const p = await call('payments.record', input)
    void this.load()
    return p
  }

  async refund(input: ChannelInput<'payments.refund'>): Promise<PaymentDetail> {
    const p = await call('payments.refund', input)
    void this.load()
    return p
  }

  bill(bookingId: number): Promise<Bill> {
    return call('payments.bill', { bookingId })
  }
}
