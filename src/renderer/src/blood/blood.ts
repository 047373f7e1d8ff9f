import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { BloodRequest, BloodStatus, BloodType } from '../../../shared/contract/blood'
import type { DeskError } from '../../../shared/errors'
import type { Urgency } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import { PagedQuery } from '../stores/paged'

const PAGE = 25

export interface BloodFilters {
  bloodType?: BloodType
  urgency?: Urgency
  status?: BloodStatus
}

/** The Blood requests area: the board of active requests and the full list. */
export class BloodStore {
  readonly list = new PagedQuery(
    async (f: BloodFilters, page) => {
      const [active, list] = await Promise.all([
        call('blood.list', { status: 'active', limit: 500 }),
        call('blood.list', { ...f, ...page }),
      ])
      return { ...list, active: active.items }
    },
    PAGE,
    {},
  )
  /** A failed update, shown above the lists. */
  error: DeskError | null = null

  constructor() {
    makeAutoObservable(this)
  }

  get active(): BloodRequest[] {
    return this.list.result?.active ?? []
  }

  load(): Promise<void> {
    return this.list.load()
  }

  setFilter<K extends keyof BloodFilters>(key: K, value: BloodFilters[K]): void {
    void this.list.filter({ [key]: value || undefined } as Partial<BloodFilters>)
  }

  async create(input: ChannelInput<'blood.create'>): Promise<BloodRequest> {
    const r = await call('blood.create', input)
    await this.load()
    return r
  }

  async update(id: number, status: 'fulfilled' | 'cancelled'): Promise<void> {
    try {
      await call('blood.update', { id, status })
      runInAction(() => (this.error = null))
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
    await this.load()
  }
}
