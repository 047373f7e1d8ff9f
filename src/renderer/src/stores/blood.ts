import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { BloodRequest, BloodStatus, BloodType } from '../../../shared/contract/blood'
import type { DeskError } from '../../../shared/errors'
import type { Urgency } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'

const PAGE = 25

/** The Blood requests area: the board of active requests and the full list. */
export class BloodStore {
  active: BloodRequest[] = []
  items: BloodRequest[] = []
  total = 0
  offset = 0
  filters: { bloodType?: BloodType; urgency?: Urgency; status?: BloodStatus } = {}
  loading = false
  error: DeskError | null = null

  constructor() {
    makeAutoObservable(this)
  }

  get pageSize(): number {
    return PAGE
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const [active, list] = await Promise.all([
        call('blood.list', { status: 'active', limit: 500 }),
        call('blood.list', { ...this.filters, limit: PAGE, offset: this.offset }),
      ])
      runInAction(() => {
        this.active = active.items
        this.items = list.items
        this.total = list.total
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  setFilter<K extends keyof BloodStore['filters']>(key: K, value: BloodStore['filters'][K]): void {
    this.filters = { ...this.filters, [key]: value || undefined }
    this.offset = 0
    void this.load()
  }

  page(offset: number): void {
    this.offset = Math.max(0, offset)
    void this.load()
  }

  async create(input: ChannelInput<'blood.create'>): Promise<BloodRequest> {
    const r = await call('blood.create', input)
    await this.load()
    return r
  }

  async update(id: number, status: 'fulfilled' | 'cancelled'): Promise<void> {
    try {
      await call('blood.update', { id, status })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
    await this.load()
  }
}
