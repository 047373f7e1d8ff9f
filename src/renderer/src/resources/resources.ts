import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { ResourceView } from '../../../shared/contract/resources'
import type { DeskError } from '../../../shared/errors'
import { asDeskError, call } from '../api/client'

/** The Resources area: one hospital's three resource rows, and the hospitals to choose from. */
export class ResourcesStore {
  hospitals: Hospital[] = []
  hospitalId: number | null = null
  rows: ResourceView[] = []
  loading = false
  /** Only the latest request's answer is shown (switching hospitals quickly). */
  private seq = 0
  error: DeskError | null = null

  constructor() {
    makeAutoObservable(this)
  }

  /** An authority starts (and stays) on its own hospital; an admin on the first in the list. */
  async start(preferred: number | null): Promise<void> {
    try {
      const list = await call('hospitals.list', { limit: 500 })
      runInAction(() => {
        this.hospitals = list.items
        if (this.hospitalId === null || !list.items.some((h) => h.id === this.hospitalId))
          this.hospitalId = preferred ?? list.items[0]?.id ?? null
      })
      await this.load()
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
  }

  choose(hospitalId: number): void {
    if (this.hospitalId !== hospitalId) this.rows = []
    this.hospitalId = hospitalId
    void this.load()
  }

  async load(): Promise<void> {
    if (this.hospitalId === null) return
    const mine = ++this.seq
    this.loading = true
    try {
      const rows = await call('resources.list', { hospitalId: this.hospitalId })
      if (mine !== this.seq) return
      runInAction(() => {
        this.rows = rows
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  async update(input: ChannelInput<'resources.update'>): Promise<ResourceView> {
    const row = await call('resources.update', input)
    runInAction(() => {
      this.rows = this.rows.map((r) => (r.id === row.id ? row : r))
    })
    return row
  }
}
