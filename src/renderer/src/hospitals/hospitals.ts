import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Hospital, HospitalStatus } from '../../../shared/contract/hospitals'
import { call } from '../api/client'
import { i18n } from '../i18n'
import { announce } from '../stores/announce'
import { PagedQuery } from '../stores/paged'
import type { ToastStore } from '../ui/toasts'

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

  constructor(private readonly toasts: ToastStore) {
    makeAutoObservable<HospitalsStore, 'toasts'>(this, { toasts: false })
  }

  load(): Promise<void> {
    return this.list.load()
  }

  open(hospital: Hospital | null): void {
    this.current = hospital
  }

  /** Say what was done to `h`, then show it wherever it is on screen. */
  private done(h: Hospital, what: 'updated' | 'approve' | 'reject' | 'suspend'): Hospital {
    this.toasts.show(i18n.t(`hospitals.toast.${what}`, { name: h.name }))
    return this.replace(h)
  }

  private replace(h: Hospital): Hospital {
    this.list.items = this.list.items.map((x) => (x.id === h.id ? h : x))
    if (this.current?.id === h.id) this.current = h
    return h
  }

  async create(input: ChannelInput<'hospitals.create'>): Promise<Hospital> {
    const say = (h: Hospital) => i18n.t('hospitals.toast.registered', { name: h.name })
    return announce(this.toasts, await call('hospitals.create', input), say, () => this.load())
  }

  async update(input: ChannelInput<'hospitals.update'>): Promise<Hospital> {
    const h = await call('hospitals.update', input)
    return runInAction(() => this.done(h, 'updated'))
  }

  async decide(action: 'approve' | 'suspend', id: number): Promise<Hospital> {
    const h = await call(action === 'approve' ? 'hospitals.approve' : 'hospitals.suspend', { id })
    return runInAction(() => this.done(h, action))
  }

  async reject(id: number, reason: string): Promise<Hospital> {
    const h = await call('hospitals.reject', { id, reason })
    return runInAction(() => this.done(h, 'reject'))
  }
}
