import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { BloodRequest, BloodStatus, BloodType } from '../../../shared/contract/blood'
import type { DeskError } from '../../../shared/errors'
import type { Urgency } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import { i18n } from '../i18n'
import { PagedQuery } from '../stores/paged'
import type { ToastStore } from '../ui/toasts'

const PAGE = 25

/** '' is "any" (the filter's first choice). */
export interface BloodFilters {
  bloodType?: BloodType | ''
  urgency?: Urgency | ''
  status?: BloodStatus | ''
}

/** The Blood requests area: the board of active requests and the full list. */
export class BloodStore {
  readonly list = new PagedQuery(
    async (f: BloodFilters, page) => {
      const [active, list] = await Promise.all([
        call('blood.list', { status: 'active', limit: 500 }),
        call('blood.list', {
          bloodType: f.bloodType || undefined,
          urgency: f.urgency || undefined,
          status: f.status || undefined,
          ...page,
        }),
      ])
      return { ...list, active: active.items }
    },
    PAGE,
    {},
  )
  /** A failed update, shown above the lists. */
  error: DeskError | null = null

  constructor(private readonly toasts: ToastStore) {
    makeAutoObservable<BloodStore, 'toasts'>(this, { toasts: false })
  }

  get active(): BloodRequest[] {
    return this.list.result?.active ?? []
  }

  load(): Promise<void> {
    return this.list.load()
  }

  async create(input: ChannelInput<'blood.create'>): Promise<BloodRequest> {
    const r = await call('blood.create', input)
    this.toasts.show(
      i18n.t('blood.toast.created', {
        patient: r.patientName,
        units: i18n.t('blood.card.units', { count: r.unitsNeeded }),
        type: r.bloodType,
      }),
    )
    await this.load()
    return r
  }

  async update(id: number, status: 'fulfilled' | 'cancelled'): Promise<void> {
    try {
      const r = await call('blood.update', { id, status })
      runInAction(() => (this.error = null))
      this.toasts.show(i18n.t(`blood.toast.${status}`, { patient: r.patientName }))
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
    await this.load()
  }
}
