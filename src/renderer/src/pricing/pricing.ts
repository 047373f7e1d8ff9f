import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { PriceRow } from '../../../shared/contract/pricing'
import type { DeskError } from '../../../shared/errors'
import { formatDateTime } from '../../../shared/format'
import { resourceTitle } from '../../../shared/labels'
import { formatMoney } from '../../../shared/money'
import type { ResourceType } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import { i18n } from '../i18n'
import { announce } from '../stores/announce'
import { PagedQuery } from '../stores/paged'
import type { ToastStore } from '../ui/toasts'

/** Every price a hospital ever had fits one answer: a few a year for three resource types. */
const ALL = 500

/** The Pricing area: one hospital's current prices and their history. */
export class PricingStore {
  hospitals: Hospital[] = []
  readonly list = new PagedQuery(
    async (f: { hospitalId: number | null }, page) =>
      f.hospitalId === null
        ? { items: [] as PriceRow[], total: 0, current: {} as Partial<Record<ResourceType, PriceRow>> }
        : call('pricing.list', { hospitalId: f.hospitalId, ...page }),
    ALL,
    { hospitalId: null },
  )
  /** The hospitals could not be read (the history's own error is the list's). */
  startError: DeskError | null = null

  constructor(private readonly toasts: ToastStore) {
    makeAutoObservable<PricingStore, 'toasts'>(this, { toasts: false })
  }

  get hospitalId(): number | null {
    return this.list.filters.hospitalId
  }

  get items(): PriceRow[] {
    return this.list.items
  }

  get current(): Partial<Record<ResourceType, PriceRow>> {
    return this.list.result?.current ?? {}
  }

  get error(): DeskError | null {
    return this.startError ?? this.list.error
  }

  /** Load the hospitals to choose from; start on `preferred` (the account's own) when given. */
  async start(preferred: number | null): Promise<void> {
    try {
      const hospitals = await call('hospitals.list', { limit: ALL })
      runInAction(() => (this.hospitals = hospitals.items))
      if (this.hospitalId === null) this.list.set({ hospitalId: preferred ?? hospitals.items[0]?.id ?? null })
      await this.load()
    } catch (err) {
      runInAction(() => (this.startError = asDeskError(err)))
    }
  }

  choose(hospitalId: number): void {
    void this.list.filter({ hospitalId })
  }

  load(): Promise<void> {
    return this.list.load()
  }

  async set(input: ChannelInput<'pricing.set'>): Promise<void> {
    const hospital = this.hospitals.find((h) => h.id === input.hospitalId)?.name ?? ''
    await announce(
      this.toasts,
      await call('pricing.set', input),
      (row) =>
        i18n.t('pricing.toast.set', {
          resource: resourceTitle(row.resourceType),
          hospital,
          from: formatDateTime(row.effectiveFrom),
          base: formatMoney(row.basePrice),
        }),
      () => this.load(),
    )
  }
}
