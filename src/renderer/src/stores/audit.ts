import { makeAutoObservable, runInAction } from 'mobx'
import type { AuditAction, AuditEntry, AuditVerifyResult } from '../../../shared/contract/audit'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { StaffUser } from '../../../shared/contract/users'
import type { DeskError } from '../../../shared/errors'
import type { ResourceType } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'

export const AUDIT_PAGE = 50

export interface AuditFilters {
  hospitalId: number | ''
  resourceType: ResourceType | ''
  action: AuditAction | ''
  changedBy: number | ''
  /** Local calendar days, YYYY-MM-DD, as the date inputs give them. */
  from: string
  to: string
}

const EMPTY: AuditFilters = { hospitalId: '', resourceType: '', action: '', changedBy: '', from: '', to: '' }

/** A local calendar day's first or last instant, as ISO 8601 (what audit.list compares). */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) return undefined
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0)
  return date.toISOString()
}

/** The audit viewer: filters, the page of rows, and the last verification. */
export class AuditStore {
  filters: AuditFilters = { ...EMPTY }
  items: AuditEntry[] = []
  total = 0
  offset = 0
  hospitals: Hospital[] = []
  users: StaffUser[] = []
  loading = false
  /** Only the latest request's answer is shown: a slow earlier one must not overwrite it. */
  private seq = 0
  error: DeskError | null = null
  verifying = false
  verified: AuditVerifyResult | null = null

  constructor() {
    makeAutoObservable(this)
  }

  /** Admins filter by any hospital and user; an authority sees its own hospital only. */
  async start(isAdmin: boolean): Promise<void> {
    if (isAdmin) {
      try {
        const [hospitals, users] = await Promise.all([
          call('hospitals.list', { limit: 500 }),
          call('users.list', { limit: 500 }),
        ])
        runInAction(() => {
          this.hospitals = hospitals.items
          this.users = users.items
        })
      } catch (err) {
        runInAction(() => (this.error = asDeskError(err)))
      }
    }
    await this.load()
  }

  async load(): Promise<void> {
    const mine = ++this.seq
    this.loading = true
    const f = this.filters
    try {
      const page = await call('audit.list', {
        hospitalId: f.hospitalId || undefined,
        resourceType: f.resourceType || undefined,
        action: f.action || undefined,
        changedBy: f.changedBy || undefined,
        from: dayBound(f.from, false),
        to: dayBound(f.to, true),
        limit: AUDIT_PAGE,
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

  filter(patch: Partial<AuditFilters>): void {
    this.filters = { ...this.filters, ...patch }
    this.offset = 0
    void this.load()
  }

  clear(): void {
    this.filters = { ...EMPTY }
    this.offset = 0
    void this.load()
  }

  get filtered(): boolean {
    return Object.values(this.filters).some((v) => v !== '')
  }

  page(offset: number): void {
    this.offset = Math.max(0, offset)
    void this.load()
  }

  async verify(): Promise<void> {
    this.verifying = true
    try {
      const result = await call('audit.verify', {})
      runInAction(() => {
        this.verified = result
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.verifying = false))
    }
  }
}
