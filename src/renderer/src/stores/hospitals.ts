import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Hospital, HospitalStatus } from '../../../shared/contract/hospitals'
import type { DeskError } from '../../../shared/errors'
import { asDeskError, call } from '../api/client'

export const HOSPITALS_PAGE = 25

/** The Hospitals area (admin): the filtered list, the hospital open in detail, and its decisions. */
export class HospitalsStore {
  items: Hospital[] = []
  total = 0
  status: HospitalStatus | '' = ''
  search = ''
  offset = 0
  loading = false
  /** Only the latest request's answer is shown: a slow earlier one must not overwrite it. */
  private seq = 0
  error: DeskError | null = null
  /** The hospital shown in detail, or null for the list. */
  current: Hospital | null = null

  constructor() {
    makeAutoObservable(this)
  }

  async load(): Promise<void> {
    const mine = ++this.seq
    this.loading = true
    try {
      const page = await call('hospitals.list', {
        status: this.status || undefined,
        search: this.search.trim() || undefined,
        limit: HOSPITALS_PAGE,
        offset: this.offset,
      })
      if (mine !== this.seq) return
      runInAction(() => {
        this.items = page.items
        this.total = page.total
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      if (mine === this.seq) runInAction(() => (this.loading = false))
    }
  }

  setStatus(status: HospitalStatus | ''): void {
    this.status = status
    this.offset = 0
    void this.load()
  }

  setSearch(search: string): void {
    this.search = search
    this.offset = 0
    void this.load()
  }

  page(offset: number): void {
    this.offset = Math.max(0, offset)
    void this.load()
  }

  open(hospital: Hospital | null): void {
    this.current = hospital
  }

  private replace(h: Hospital): Hospital {
    this.items = this.items.map((x) => (x.id === h.id ? h : x))
    if (this.current?.id === h.id) this.current = h
    return h
  }

  async create(input: ChannelInput<'hospitals.create'>): Promise<Hospital> {
    const h = await call('hospitals.create', input)
    await this.load()
    return h
  }

  async update(input: ChannelInput<'hospitals.update'>): Promise<Hospital> {
    const h = await call('hospitals.update', input)
    return runInAction(() => this.replace(h))
  }

  async decide(action: 'approve' | 'suspend', id: number): Promise<Hospital> {
    const h = await call(action === 'approve' ? 'hospitals.approve' : 'hospitals.suspend', { id })
    return runInAction(() => this.replace(h))
  }

  async reject(id: number, reason: string): Promise<Hospital> {
    const h = await call('hospitals.reject', { id, reason })
    return runInAction(() => this.replace(h))
  }
}
