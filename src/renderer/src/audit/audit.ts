import { makeAutoObservable, runInAction } from 'mobx'
import type { AuditAction, AuditVerifyResult } from '../../../shared/contract/audit'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { StaffUser } from '../../../shared/contract/users'
import type { DeskError } from '../../../shared/errors'
import type { ResourceType } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import { PagedQuery } from '../stores/paged'

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
  readonly list = new PagedQuery(
    (f: AuditFilters, page) =>
      call('audit.list', {
        hospitalId: f.hospitalId || undefined,
        resourceType: f.resourceType || undefined,
        action: f.action || undefined,
        changedBy: f.changedBy || undefined,
        from: dayBound(f.from, false),
        to: dayBound(f.to, true),
        ...page,
      }),
    AUDIT_PAGE,
    EMPTY,
  )
  hospitals: Hospital[] = []
  users: StaffUser[] = []
  /** A failure outside the list (the filter choices, the verifier). */
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
    await this.list.load()
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
