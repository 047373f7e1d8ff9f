import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { PriceRow } from '../../../shared/contract/pricing'
import type { DeskError } from '../../../shared/errors'
import type { ResourceType } from '../../../shared/schemas'
import { formatDateTime } from '../../../shared/format'
import { resourceTitle } from '../../../shared/labels'
import { formatMoney } from '../../../shared/money'
import { asDeskError, call } from '../api/client'
import { i18n } from '../i18n'
import type { ToastStore } from '../ui/toasts'

/** The Pricing area: one hospital's current prices and their history. */
export class PricingStore {
  hospitals: Hospital[] = []
  hospitalId: number | null = null
  items: PriceRow[] = []
  current: Partial<Record<ResourceType, PriceRow>> = {}
  loading = false
  error: DeskError | null = null

  constructor(private readonly toasts: ToastStore) {
    makeAutoObservable<PricingStore, 'toasts'>(this, { toasts: false })
  }

  /** Load the hospitals to choose from; start on `preferred` (the account's own) when given. */
  async start(preferred: number | null): Promise<void> {
    try {
      const list = await call('hospitals.list', { limit: 500 })
      runInAction(() => {
        this.hospitals = list.items
        if (this.hospitalId === null) this.hospitalId = preferred ?? list.items[0]?.id ?? null
      })
      await this.load()
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
  }

  choose(hospitalId: number): void {
    this.hospitalId = hospitalId
    void this.load()
  }

  async load(): Promise<void> {
    if (this.hospitalId === null) return
    this.loading = true
    try {
      const list = await call('pricing.list', { hospitalId: this.hospitalId, limit: 500 })
      runInAction(() => {
        this.items = list.items
        this.current = list.current
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  async set(input: ChannelInput<'pricing.set'>): Promise<void> {
    const row = await call('pricing.set', input)
    this.toasts.show(
      i18n.t('pricing.toast.set', {
        resource: resourceTitle(row.resourceType),
        hospital: this.hospitals.find((h) => h.id === input.hospitalId)?.name ?? '',
        from: formatDateTime(row.effectiveFrom),
        base: formatMoney(row.basePrice),
      }),
    )
    await this.load()
  }
}
