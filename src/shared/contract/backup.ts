import { z } from 'zod'
import { channel } from '../channel'
import { page, type Paged } from '../schemas'
import { formatDigits } from '../labels'
import type { LocaleArg } from '../locale/display'

/**
 * What travels inside every backup file (in its gzip header, so `gunzip` still reads the file):
 * enough to say what the backup holds, and to prove that what comes out of it is what went in.
 */
export interface BackupManifest {
  format: 'rapidcare-desk-backup'
  formatVersion: 1
  appName: string
  appVersion: string
  schemaVersion: number
  createdAt: string
  workstation: string
  kind: BackupKind
  /** Rows per table, counted in the same read transaction the snapshot was copied from. */
  tables: Record<string, number>
  /** Size and SHA-256 (hex) of the uncompressed database file. */
  sizeBytes: number
  sha256: string
}

export type BackupKind = 'manual' | 'automatic'

/**
 * verified: made and verified by the desk, and still whole (manifest readable, length as recorded);
 * damaged: not readable as a backup, or shorter/longer than its manifest says;
 * unverified: a gzip file without a desk manifest (e.g. from the old backup script): restore checks it.
 */
export type BackupVerification = 'verified' | 'damaged' | 'unverified'

export interface BackupEntry {
  /** The file's name inside the backups folder. */
  file: string
  /** Size on disk (compressed). */
  sizeBytes: number
  /** From the manifest; the file's modification time when there is none. */
  createdAt: string
  kind: BackupKind | null
  verification: BackupVerification
  manifest: BackupManifest | null
}

export type BackupPhase = 'snapshot' | 'compress' | 'verify' | 'restore' | 'check'

/** The backup, restore or check running now, for a progress bar. */
export interface BackupJob {
  kind: 'export' | 'automatic' | 'restore-check' | 'restore' | 'maintenance'
  phase: BackupPhase
  /** 0–100. */
  percent: number
  startedAt: string
  file: string | null
}

export interface BackupList extends Paged<BackupEntry> {
  folder: string
  retentionDays: number
  running: BackupJob | null
  /** The last automatic backup that failed, while no later one has succeeded. */
  lastError: { at: string; message: string } | null
}

export interface BackupResult {
  file: string
  path: string
  sizeBytes: number
  manifest: BackupManifest
}

/** A backup that passed every check, as the restore confirmation names it. */
export interface VerifiedBackup {
  file: string
  /** When the backup was taken (its manifest), or null for a file without one. */
  createdAt: string | null
  appVersion: string | null
  workstation: string | null
  schemaVersion: number
  tables: Record<string, number>
  sizeBytes: number
  sha256: string
  hasManifest: boolean
}

export type RestoreResult =
  | { restored: false; backup: VerifiedBackup }
  | {
      restored: true
      backup: VerifiedBackup
      /** Where the database that was replaced now lies. Null when there was none. */
      preRestorePath: string | null
      schemaVersionBefore: number
      schemaVersionAfter: number
    }

/** A file's name inside the backups folder: no folders, no way out of it. */
export const backupFileName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(255, 'must be at most 255 characters')
  .refine((f) => !/[\\/\0]/.test(f) && f !== '.' && f !== '..', 'must be a file name in the backups folder')

export const sha256Hex = z
  .string({ error: 'must be text' })
  .regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 shown when the backup was checked')

const ADMIN = ['admin'] as const

export const backupChannels = {
  /** A verified backup into the backups folder, named rapidcare-backup-YYYYMMDD-HHMMSS.sqlite.gz. */
  'backup.export': channel(z.object({}).strict(), ADMIN).returns<BackupResult>(),
  /** Newest first, with the running job's progress. */
  'backup.list': channel(z.object({ ...page }).strict(), ADMIN).returns<BackupList>(),
  /**
   * Without sha256: verify the backup and say what it holds (nothing changes). With the sha256 that
   * check returned: verify again and, only if it is the same backup, restore it.
   */
  'backup.restore': channel(
    z.object({ file: backupFileName, sha256: sha256Hex.optional() }).strict(),
    ADMIN,
  ).returns<RestoreResult>(),
}

/** 1536 → "1.5 KB": sizes as the Backups and Maintenance screens and the CLI show them. */
export function formatBytes(bytes: number, lng?: LocaleArg): string {
  if (bytes < 1024) return `${formatDigits(bytes, lng)} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${formatDigits(value.toFixed(value < 10 ? 1 : 0), lng)} ${units[unit]}`
}
