import { makeAutoObservable, runInAction } from 'mobx'
import type { ResourceView } from '../../../shared/contract/resources'
import type { DeskError } from '../../../shared/errors'
import type { ResourceType } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'

export interface BoardHospital {
  hospitalId: number
  hospitalName: string
  resources: Partial<Record<ResourceType, ResourceView>>
}

/**
 * The availability board: every approved hospital's beds, ICU and theatres. Refreshed the moment
 * this desk changes a booking (the bookings store calls `refresh`), and on every live change of
 * resources, whoever made it (the board screen's useLive).
 */
export class BoardStore {
  rows: ResourceView[] = []
  filter: ResourceType | 'all' = 'all'
  loading = false
  error: DeskError | null = null
  updatedAt: Date | null = null
  private seq = 0

  constructor() {
    makeAutoObservable<BoardStore, 'seq'>(this, { seq: false })
  }

  setFilter(filter: ResourceType | 'all'): void {
    this.filter = filter
  }

  get hospitals(): BoardHospital[] {
    const byId = new Map<number, BoardHospital>()
    for (const r of this.rows) {
      if (r.hospitalStatus !== 'approved') continue
      let h = byId.get(r.hospitalId)
      if (!h) {
        h = { hospitalId: r.hospitalId, hospitalName: r.hospitalName, resources: {} }
        byId.set(r.hospitalId, h)
      }
      h.resources[r.resourceType] = r
    }
    return [...byId.values()]
  }

  /** One hospital's row of one resource, for the new-booking form's availability. */
  resource(hospitalId: number, type: ResourceType): ResourceView | undefined {
    return this.rows.find((r) => r.hospitalId === hospitalId && r.resourceType === type)
  }

  totals(type: ResourceType): {
    available: number
    reserved: number
    occupied: number
    maintenance: number
    total: number
  } {
    const t = { available: 0, reserved: 0, occupied: 0, maintenance: 0, total: 0 }
    for (const h of this.hospitals) {
      const r = h.resources[type]
      if (!r) continue
      t.available += r.available
      t.reserved += r.reserved
      t.occupied += r.occupied
      t.maintenance += r.maintenance
      t.total += r.total
    }
    return t
  }

  async refresh(): Promise<void> {
    const mine = ++this.seq
    this.loading = true
    try {
      const rows = await call('resources.list', {})
      if (mine !== this.seq) return
      runInAction(() => {
        this.rows = rows
        this.error = null
        this.updatedAt = new Date()
      })
    } catch (err) {
      if (mine === this.seq) runInAction(() => (this.error = asDeskError(err)))
    } finally {
      if (mine === this.seq) runInAction(() => (this.loading = false))
    }
  }
}
