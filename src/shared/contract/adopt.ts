import { z } from 'zod'
import { channel } from '../channel'
import { setupCode } from '../schemas'

/** What adopting a RapidCare back-end database did, table by table, for the person who asked. */
export interface AdoptReport {
  /** The legacy file that was read (never written). */
  source: string
  /** A byte copy of the legacy file, taken before anything else. */
  backupPath: string
  /** The desk database the rows now live in. */
  databasePath: string
  schemaVersion: number
  /** The back-end's own migrations, as its `migrations` table listed them. */
  legacyMigrations: string[]
  tables: { table: string; legacyRows: number; adoptedRows: number }[]
  /** Each money column: how many amounts, their sum in the legacy file (taka) and adopted (paisa). */
  money: { table: string; column: string; amounts: number; legacySum: number; paisaSum: number }[]
  /** Amounts that were not a whole number of paisa, rounded half away from zero. */
  inexact: { table: string; id: number; column: string; legacyValue: number; paisa: number }[]
  /** Resource rows whose counts had to be derived or created so the desk's invariant holds. */
  resourceFixes: { hospitalId: number; resourceType: string; message: string }[]
  /** SQLite `CURRENT_TIMESTAMP` values rewritten as ISO 8601 (same instant, UTC). */
  timestampsNormalised: number
}

export const adoptChannels = {
  /**
   * First run only (refused once an administrator exists): adopt the RapidCare back-end database at
   * `path` into this desk's own database. The legacy file is copied aside first and never written.
   */
  'adopt.legacy': channel(
    z
      .object({
        path: z
          .string({ error: 'is required' })
          .trim()
          .min(1, 'is required')
          .max(1000, 'must be at most 1000 characters')
          .refine((p) => !p.includes('\0'), 'is not a valid path'),
        setupCode,
      })
      .strict(),
    'public',
  ).returns<AdoptReport>(),
}
