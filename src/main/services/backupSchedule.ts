/**
 * Automatic backups: at the first start of a day (when no automatic backup was taken that day) and
 * every 24 hours while the desk runs, into the backups folder; then retention: automatic backups
 * older than the retention period are deleted, never the newest valid backup. Both browser mode and
 * Electron start this; tests drive it with a fake clock and call `tick` instead of waiting.
 */
import fs from 'node:fs'
import path from 'node:path'
import { isSameDay, subDays } from 'date-fns'
import { backupsFolder } from '../db/backup'
import { backupEntries, DEFAULT_RETENTION_DAYS, exportBackup, runtimeFor, type BackupDeps } from './backup'

export const DAY_MS = 24 * 60 * 60 * 1000

/** RAPIDCARE_BACKUP_RETENTION_DAYS, else 30. */
export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.RAPIDCARE_BACKUP_RETENTION_DAYS)
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_RETENTION_DAYS
}

/**
 * Delete automatic backups older than `retentionDays` before `now`, except the newest valid backup
 * (whatever its age or kind: a desk idle for two months still keeps one). Manual exports and files
 * without a manifest are the administrator's and are never deleted. Returns the names deleted.
 */
export function pruneBackups(dbPath: string, now: Date, retentionDays: number): string[] {
  const entries = backupEntries(dbPath)
  const newestValid = entries.find((e) => e.verification === 'verified')
  const cutoff = subDays(now, retentionDays).getTime()
  const deleted: string[] = []
  for (const entry of entries) {
    if (entry.kind !== 'automatic' || entry === newestValid) continue
    if (Date.parse(entry.createdAt) >= cutoff) continue
    fs.rmSync(path.join(backupsFolder(dbPath), entry.file), { force: true })
    deleted.push(entry.file)
  }
  return deleted
}

/**
 * Half-written files of a backup or restore this desk did not finish (it was closed mid-way): a
 * finished job leaves none. Only those older than an hour, so another process's running job is safe.
 */
export function removeStaleTemporaries(dbPath: string, now: Date): string[] {
  const removed: string[] = []
  const sweep = (dir: string, pattern: RegExp) => {
    let names: string[]
    try {
      names = fs.readdirSync(dir)
    } catch {
      return
    }
    for (const name of names) {
      const full = path.join(dir, name)
      if (!pattern.test(name)) continue
      try {
        if (now.getTime() - fs.statSync(full).mtimeMs < 3_600_000) continue
        fs.rmSync(full, { force: true })
        removed.push(name)
      } catch {
        // gone already
      }
    }
  }
  sweep(backupsFolder(dbPath), /\.(partial|snapshot-tmp|verify-tmp)(-wal|-shm|-journal)?$/)
  const base = path.basename(dbPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  sweep(path.dirname(dbPath), new RegExp(`^${base}\\.restore-.*\\.tmp(-wal|-shm|-journal)?$`))
  return removed
}

export interface AutomaticBackups {
  /** The start-of-day run (resolves when it is done, or at once when none was due). */
  started: Promise<void>
  /** What the 24-hour timer does: an automatic backup, then retention. */
  tick(): Promise<void>
  stop(): void
}

export interface ScheduleOptions {
  retentionDays?: number
  intervalMs?: number
  log?: (message: string) => void
}

export function startAutomaticBackups(deps: BackupDeps, options: ScheduleOptions = {}): AutomaticBackups {
  const runtime = runtimeFor(deps.live, deps.dbPath)
  runtime.retentionDays = options.retentionDays ?? retentionFromEnv()
  const log = options.log ?? ((m: string) => console.log(`[rapidcare] ${m}`))

  async function take(): Promise<void> {
    try {
      const result = await exportBackup(deps, { kind: 'automatic' })
      runtime.lastAutomaticError = null
      log(`Automatic backup ${result.path} verified.`)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      runtime.lastAutomaticError = { at: deps.now().toISOString(), message }
      log(`Automatic backup failed: ${message}`)
    }
    try {
      const deleted = pruneBackups(deps.dbPath, deps.now(), runtime.retentionDays)
      if (deleted.length)
        log(`Removed ${deleted.length} automatic backup(s) older than ${runtime.retentionDays} days.`)
    } catch (err) {
      log(`Could not apply backup retention: ${(err as Error).message}`)
    }
  }

  const now = deps.now()
  removeStaleTemporaries(deps.dbPath, now)
  const takenToday = backupEntries(deps.dbPath).some(
    (e) => e.kind === 'automatic' && e.verification === 'verified' && isSameDay(new Date(e.createdAt), now),
  )
  const started = takenToday ? Promise.resolve() : take()
  const timer = setInterval(() => void take(), options.intervalMs ?? DAY_MS)
  timer.unref?.()
  return { started, tick: take, stop: () => clearInterval(timer) }
}
