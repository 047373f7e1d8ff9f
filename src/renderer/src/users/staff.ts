import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { StaffUser, UserStatus } from '../../../shared/contract/users'
import type { DeskError } from '../../../shared/errors'
import type { Role } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import { ROLE_LABEL } from '../../../shared/labels'
import { i18n } from '../i18n'
import { announce } from '../stores/announce'
import { PagedQuery } from '../stores/paged'
import type { ToastStore } from '../ui/toasts'

export const STAFF_PAGE = 25

/** The Staff area (admin): accounts, filtered, with the hospitals an account may belong to. */
export class StaffStore {
  readonly list = new PagedQuery(
    (f: { role: Role | ''; status: UserStatus | ''; hospitalId: number | ''; search: string }, page) =>
      call('users.list', {
        role: f.role || undefined,
        status: f.status || undefined,
        hospitalId: f.hospitalId || undefined,
        search: f.search.trim() || undefined,
        ...page,
      }),
    STAFF_PAGE,
    { role: '', status: '', hospitalId: '', search: '' },
  )
  hospitals: Hospital[] = []
  error: DeskError | null = null

  constructor(private readonly toasts: ToastStore) {
    makeAutoObservable<StaffStore, 'toasts'>(this, { toasts: false })
  }

  async start(): Promise<void> {
    try {
      const hospitals = await call('hospitals.list', { limit: 500 })
      runInAction(() => (this.hospitals = hospitals.items))
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    }
    await this.load()
  }

  load(): Promise<void> {
    return this.list.load()
  }

  async create(input: ChannelInput<'users.create'>): Promise<StaffUser> {
    const say = (u: StaffUser) => i18n.t('staff.toast.created', { name: u.name, role: ROLE_LABEL[u.role] })
    return announce(this.toasts, await call('users.create', input), say, () => this.load())
  }

  async update(input: ChannelInput<'users.update'>): Promise<StaffUser> {
    const say = (u: StaffUser) => i18n.t('staff.toast.updated', { name: u.name })
    return announce(this.toasts, await call('users.update', input), say, () => this.load())
  }

  async resetPassword(id: number, password: string): Promise<StaffUser> {
    const say = (u: StaffUser) => i18n.t('staff.toast.reset', { name: u.name })
    return announce(this.toasts, await call('users.resetPassword', { id, password }), say)
  }
}
