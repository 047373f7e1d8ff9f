import { z } from 'zod'
import { channel } from '../channel'

export const MAINTENANCE_TASKS = ['integrity', 'analyze', 'optimize', 'vacuum', 'cleanup'] as const
export type MaintenanceTask = (typeof MAINTENANCE_TASKS)[number]

/** One housekeeping query: what it finds, and how many rows it finds now. */
export interface HousekeepingCount {
  id: 'oldReadNotifications' | 'stalePendingBookings' | 'expiredBloodRequests' | 'oldChanges'
  label: string
  /** What cleanup does with these rows (or that it leaves them). */
  action: string
  count: number
}

export interface IntegrityOutcome {
  at: string
  ok: boolean
  problems: string[]
}

export interface MaintenanceReport {
  databasePath: string
  /** The file on disk is SQLCipher-encrypted (false: patients' data is readable by anyone with the file). */
  encrypted: boolean
  /** True row counts (COUNT(*)), every table. */
  tables: { name: string; rows: number }[]
  databaseBytes: number
  walBytes: number
  pageSize: number
  pageCount: number
  freePages: number
  schemaVersion: number
  lastBackup: { at: string; path: string; sizeBytes: number } | null
  lastIntegrityCheck: IntegrityOutcome | null
  housekeeping: HousekeepingCount[]
}

export type MaintenanceResult =
  | {
      task: 'integrity'
      ok: boolean
      problems: string[]
      /** `PRAGMA integrity_check` lines ('ok' alone when whole). */
      integrity: string[]
      foreignKeyViolations: number
      invariantViolations: number
      audit: { checked: number; replayed: number; problems: number }
    }
  | { task: 'analyze' | 'optimize'; ok: true; summary: string }
  | { task: 'vacuum'; ok: true; bytesBefore: number; bytesAfter: number; freedBytes: number }
  | { task: 'cleanup'; ok: true; applied: boolean; items: HousekeepingCount[] }

const ADMIN = ['admin'] as const

export const maintenanceChannels = {
  'maintenance.report': channel(z.object({}).strict(), ADMIN).returns<MaintenanceReport>(),
  /** `cleanup` without `confirm: true` only counts what it would change. */
  'maintenance.run': channel(
    z
      .object({
        task: z.enum(MAINTENANCE_TASKS, {
          error: 'must be integrity, analyze, optimize, vacuum or cleanup',
        }),
        confirm: z.boolean({ error: 'must be true or false' }).optional(),
      })
      .strict(),
    ADMIN,
  ).returns<MaintenanceResult>(),
}
