import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Bill, Payment, PaymentDetail, PaymentStatus } from '../../../shared/contract/payments'
import type { DeskError } from '../../../shared/errors'
import type { PaymentMethod } from '../../../shared/money'
import { asDeskError, call } from '../api/client'
import { PagedQuery } from '../stores/paged'

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
  readonly list = new PagedQuery(
    async (f: PaymentFilters & { tab: 'all' | 'due' }, page) => {
      const input: ChannelInput<'payments.list'> =
        f.tab === 'due'
          ? { refundDue: true, ...page }
          : {
              hospitalId: f.hospitalId,
              paymentMethod: f.paymentMethod,
              status: f.status,
              from: f.fromDay ? dayStart(f.fromDay) : undefined,
              to: f.toDay ? dayAfter(f.toDay) : undefined,
              ...page,
            }
      const [list, due] = await Promise.all([
        call('payments.list', input),
        call('payments.list', { refundDue: true, limit: 1 }),
      ])
      return { ...list, dueCount: due.total }
    },
    PAGE,
    { tab: 'all' },
  )
  /** The payment whose receipt is open. */
  receipt: PaymentDetail | null = null
  /** A receipt that could not be opened. */
  error: DeskError | null = null

  constructor() {
    makeAutoObservable(this)
  }

  get tab(): 'all' | 'due' {
    return this.list.filters.tab
  }

  get dueCount(): number {
    return this.list.result?.dueCount ?? 0
  }

  load(): Promise<void> {
    return this.list.load()
  }

  setTab(tab: 'all' | 'due'): void {
    void this.list.filter({ tab })
  }

  setFilter<K extends keyof PaymentFilters>(key: K, value: PaymentFilters[K]): void {
    void this.list.filter({ [key]: value || undefined } as Partial<PaymentFilters>)
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
