import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Hospital, HospitalStatus } from '../../../shared/contract/hospitals'
import { call } from '../api/client'
import { PagedQuery } from '../stores/paged'

export const HOSPITALS_PAGE = 25

/** The Hospitals area (admin): the filtered list, the hospital open in detail, and its decisions. */
export class HospitalsStore {
  readonly list = new PagedQuery(
    (f: { status: HospitalStatus | ''; search: string }, page) =>
      call('hospitals.list', {
        status: f.status || undefined,
        search: f.search.trim() || undefined,
        ...page,
      }),
    HOSPITALS_PAGE,
    { status: '', search: '' },
  )
  /** The hospital shown in detail, or null for the list. */
  current: Hospital | null = null

  constructor() {
    makeAutoObservable(this)
  }

  load(): Promise<void> {
    return this.list.load()
  }

  open(hospital: Hospital | null): void {
    this.current = hospital
  }

  private replace(h: Hospital): Hospital {
    this.list.items = this.list.items.map((x) => (x.id === h.id ? h : x))
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
