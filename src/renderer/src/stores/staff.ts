import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { StaffUser, UserStatus } from '../../../shared/contract/users'
import type { DeskError } from '../../../shared/errors'
import type { Role } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'

export const STAFF_PAGE = 25

/** The Staff area (admin): accounts, filtered, with the hospitals an account may belong to. */
export class StaffStore {
  items: StaffUser[] = []
  total = 0
  role: Role | '' = ''
  status: UserStatus | '' = ''
  hospitalId: number | '' = ''
  search = ''
  offset = 0
  hospitals: Hospital[] = []
  loading = false
  /** Only the latest request's answer is shown: a slow earlier one must not overwrite it. */
  private seq = 0
  error: DeskError | null = null

  constructor() {
    makeAutoObservable(this)
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

  async load(): Promise<void> {
    const mine = ++this.seq
    this.loading = true
    try {
      const page = await call('users.list', {
        role: this.role || undefined,
        status: this.status || undefined,
        hospitalId: this.hospitalId || undefined,
        search: this.search.trim() || undefined,
        limit: STAFF_PAGE,
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

  filter(patch: Partial<Pick<StaffStore, 'role' | 'status' | 'hospitalId' | 'search'>>): void {
    Object.assign(this, patch)
    this.offset = 0
    void this.load()
  }

  page(offset: number): void {
    this.offset = Math.max(0, offset)
    void this.load()
  }

  async create(input: ChannelInput<'users.create'>): Promise<StaffUser> {
    const user = await call('users.create', input)
    await this.load()
    return user
  }

  async update(input: ChannelInput<'users.update'>): Promise<StaffUser> {
    const user = await call('users.update', input)
    await this.load()
    return user
  }

  async resetPassword(id: number, password: string): Promise<StaffUser> {
    return call('users.resetPassword', { id, password })
  }
}
