import { addDays, startOfDay } from 'date-fns'
import { makeAutoObservable, runInAction } from 'mobx'
import type { PublicUser } from '../../../shared/contract/auth'
import type { BackupEntry } from '../../../shared/contract/backup'
import type { Booking } from '../../../shared/contract/bookings'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { MaintenanceReport } from '../../../shared/contract/maintenance'
import type { BookingNotification } from '../../../shared/contract/notifications'
import type { ResourceCounts, ResourceView } from '../../../shared/contract/resources'
import type { Drawer } from '../../../shared/contract/wallet'
import type { DeskError } from '../../../shared/errors'
import type { ResourceType } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'

/** The statuses the front desk follows through the day. */
export const TODAY_STATUSES = ['pending', 'approved', 'admitted'] as const
export type TodayStatus = (typeof TODAY_STATUSES)[number]

const ARRIVALS = 5
const URGENT = 4

/** Each part of the overview loads on its own, so one refusal does not blank the page. */
export interface Part<T> {
  value: T | null
  error: DeskError | null
}

const empty = <T>(): Part<T> => ({ value: null, error: null })

async function part<T>(load: () => Promise<T>): Promise<Part<T>> {
  try {
    return { value: await load(), error: null }
  } catch (err) {
    return { value: null, error: asDeskError(err) }
  }
}

function sumCounts(rows: ResourceView[], type: ResourceType): ResourceCounts {
  const t = { available: 0, reserved: 0, occupied: 0, maintenance: 0, total: 0 }
  for (const r of rows) {
    if (r.resourceType !== type) continue
    t.available += r.available
    t.reserved += r.reserved
    t.occupied += r.occupied
    t.maintenance += r.maintenance
    t.total += r.total
  }
  return t
}

/**
 * The Overview (first screen after sign-in): a few numbers per role, read from the channels the
 * other areas already use. Nothing here changes data.
 */
export class OverviewStore {
  loading = false
  loadedAt: Date | null = null

  // Front desk
  today: Part<Record<TodayStatus, number>> = empty()
  arrivals: Part<Booking[]> = empty()
  drawer: Part<Drawer> = empty()
  hospital: Part<Hospital> = empty()

  // Hospital authority
  pending: Part<{ total: number; items: Booking[] }> = empty()
  notifications: Part<{ unread: number; items: BookingNotification[] }> = empty()

  // Authority (its hospital) and admin (every approved hospital)
  resources: Part<ResourceView[]> = empty()

  // Admin
  pendingHospitals: Part<{ total: number; items: Hospital[] }> = empty()
  report: Part<MaintenanceReport> = empty()
  newestBackup: Part<{ entry: BackupEntry | null; lastError: { at: string; message: string } | null }> =
    empty()

  private seq = 0

  constructor() {
    makeAutoObservable<OverviewStore, 'seq'>(this, { seq: false })
  }

  /** Beds, ICU and theatres summed over the rows loaded (one hospital, or every approved one). */
  totals(type: ResourceType): ResourceCounts {
    return sumCounts(this.resources.value ?? [], type)
  }

  /** How many approved hospitals the admin's totals cover. */
  get hospitalCount(): number {
    return new Set((this.resources.value ?? []).map((r) => r.hospitalId)).size
  }

  async load(user: PublicUser): Promise<void> {
    const mine = ++this.seq
    this.loading = true
    const done = (apply: () => void) => {
      if (mine === this.seq) runInAction(apply)
    }
    try {
      if (user.role === 'user') await this.loadDesk(user, done)
      else if (user.role === 'hospital-authority') await this.loadAuthority(user, done)
      else await this.loadAdmin(done)
    } finally {
      done(() => {
        this.loading = false
        this.loadedAt = new Date()
      })
    }
  }

  private async loadDesk(user: PublicUser, done: (apply: () => void) => void): Promise<void> {
    const now = new Date()
    const from = startOfDay(now).toISOString()
    const to = startOfDay(addDays(now, 1)).toISOString()
    const [today, arrivals, drawer, hospital] = await Promise.all([
      part(async () => {
        const counts = await Promise.all(
          TODAY_STATUSES.map(
            async (status) =>
              (await call('bookings.list', { status, scheduledFrom: from, scheduledTo: to, limit: 1 })).total,
          ),
        )
        return Object.fromEntries(TODAY_STATUSES.map((s, i) => [s, counts[i]!])) as Record<
          TodayStatus,
          number
        >
      }),
      part(async () => {
        // Expected and not yet admitted, from this morning to the end of the day after tomorrow.
        // The list comes in queue order (urgency first); arrivals are wanted by the clock.
        const lists = await Promise.all(
          (['approved', 'pending'] as const).map((status) =>
            call('bookings.list', {
              status,
              scheduledFrom: from,
              scheduledTo: startOfDay(addDays(now, 3)).toISOString(),
              limit: 100,
            }),
          ),
        )
        return lists
          .flatMap((l) => l.items)
          .sort((a, b) => a.scheduledDate.localeCompare(b.scheduledDate))
          .slice(0, ARRIVALS)
      }),
      part(() => call('wallet.get', { limit: 1 })),
      user.hospitalId === null
        ? Promise.resolve(empty<Hospital>())
        : part(() => call('hospitals.get', { id: user.hospitalId! })),
    ])
    done(() => {
      this.today = today
      this.arrivals = arrivals
      this.drawer = drawer
      this.hospital = hospital
    })
  }

  private async loadAuthority(user: PublicUser, done: (apply: () => void) => void): Promise<void> {
    const hospitalId = user.hospitalId
    const [pending, resources, notifications, hospital] = await Promise.all([
      part(async () => {
        const list = await call('bookings.list', { status: 'pending', limit: URGENT })
        return { total: list.total, items: list.items }
      }),
      hospitalId === null
        ? Promise.resolve(empty<ResourceView[]>())
        : part(() => call('resources.list', { hospitalId })),
      part(async () => {
        const list = await call('notifications.list', { unreadOnly: true, limit: 3 })
        return { unread: list.unread, items: list.items }
      }),
      hospitalId === null
        ? Promise.resolve(empty<Hospital>())
        : part(() => call('hospitals.get', { id: hospitalId })),
    ])
    done(() => {
      this.pending = pending
      this.resources = resources
      this.notifications = notifications
      this.hospital = hospital
    })
  }

  private async loadAdmin(done: (apply: () => void) => void): Promise<void> {
    const [pendingHospitals, resources, report, newestBackup] = await Promise.all([
      part(async () => {
        const list = await call('hospitals.list', { status: 'pending', limit: 5 })
        return { total: list.total, items: list.items }
      }),
      part(async () => (await call('resources.list', {})).filter((r) => r.hospitalStatus === 'approved')),
      part(() => call('maintenance.report', {})),
      part(async () => {
        const list = await call('backup.list', { limit: 1 })
        return { entry: list.items[0] ?? null, lastError: list.lastError }
      }),
    ])
    done(() => {
      this.pendingHospitals = pendingHospitals
      this.resources = resources
      this.report = report
      this.newestBackup = newestBackup
    })
  }
}
