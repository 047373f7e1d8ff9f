/**
 * Automatic backups: one a day, into the backups folder. A few minutes after start, then every
 * hour, the desk looks whether today's is due (none verified today, none being written by this or
 * another live desk) and takes it; then retention: automatic backups
 * older than the retention period are deleted, never the newest valid backup. Both browser mode and
 * Electron start this; tests drive it with a fake clock and call `tick` instead of waiting.
 */
import fs from 'node:fs'
import path from 'node:path'
import { isSameDay, subDays } from 'date-fns'
import { backupsFolder } from '../db/backup'
import { isStale, processAlive, temporaryOwner } from '../db/temporaries'
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
 * Half-written files of a backup or restore that no live process owns any more (a desk killed
 * mid-way): removed at start, at once, whatever their age. A file whose owner still runs (another
 * desk on this folder) is left alone; see db/temporaries.ts.
 */
export function removeStaleTemporaries(
  dbPath: string,
  now: Date,
  alive: (pid: number) => boolean = processAlive,
): string[] {
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
        if (!isStale(name, now.getTime() - fs.statSync(full).mtimeMs, alive)) continue
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
  /** The start-of-day run (resolves when it is done, or when none was due; stop() resolves it too). */
  started: Promise<void>
  /** What the timer does: an automatic backup if one is due, then retention. */
  tick(): Promise<void>
  stop(): void
}

export interface ScheduleOptions {
  retentionDays?: number
  /** How often the desk looks whether a backup is due. */
  intervalMs?: number
  /**
   * The start-of-day backup waits this long after start: a desk opened for a minute (or restarted
   * after a crash, again and again) must not begin a backup of the whole file each time.
   */
  startDelayMs?: number
  log?: (message: string) => void
}

/** Another live process is writing a backup into the folder now (its temporaries say so). */
function backupRunningElsewhere(dbPath: string, alive: (pid: number) => boolean): boolean {
  let names: string[]
  try {
    names = fs.readdirSync(backupsFolder(dbPath))
  } catch {
    return false
  }
  return names.some((name) => {
    const owner = temporaryOwner(name)
    return owner !== null && owner !== process.pid && /\.partial$|\.snapshot-tmp$/.test(name) && alive(owner)
  })
}

export function startAutomaticBackups(deps: BackupDeps, options: ScheduleOptions = {}): AutomaticBackups {
  const runtime = runtimeFor(deps.live, deps.dbPath)
  runtime.retentionDays = options.retentionDays ?? retentionFromEnv()
  const log = options.log ?? ((m: string) => console.log(`[rapidcare] ${m}`))

  /** Due: no verified automatic backup today, none running here, none being written by another desk. */
  function due(): boolean {
    const now = deps.now()
    if (runtime.job) return false
    if (backupRunningElsewhere(deps.dbPath, processAlive)) return false
    return !backupEntries(deps.dbPath).some(
      (e) => e.kind === 'automatic' && e.verification === 'verified' && isSameDay(new Date(e.createdAt), now),
    )
  }

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

  const tick = () => (due() ? take() : Promise.resolve())

  removeStaleTemporaries(deps.dbPath, deps.now())
  let stopped = false
  const stopResolvers: (() => void)[] = []
  let startTimer: NodeJS.Timeout | null = null
  const delay = options.startDelayMs ?? 2 * 60_000
  const started = new Promise<void>((resolve) => {
    const run = () => {
      startTimer = null
      if (stopped) return resolve()
      void tick().then(resolve)
    }
    if (delay <= 0) return run()
    startTimer = setTimeout(run, delay)
    startTimer.unref?.()
    stopResolvers.push(resolve)
  })
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60 * 60_000)
  timer.unref?.()
  return {
    started,
    tick,
    stop: () => {
      stopped = true
      if (startTimer) clearTimeout(startTimer)
      clearInterval(timer)
      for (const resolve of stopResolvers) resolve()
    },
  }
}
