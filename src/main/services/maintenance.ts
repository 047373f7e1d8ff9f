/**
 * The maintenance report (true row counts, file and page sizes, last backup and integrity check,
 * the housekeeping counts) and its tasks: integrity, analyze, optimize, vacuum, cleanup. Cleanup
 * never touches the append-only tables (booking_status_history, resource_audit_log,
 * balance_transactions: their triggers would refuse it anyway) and never changes a booking.
 */
import fs from 'node:fs'
import { subDays } from 'date-fns'
import type {
  HousekeepingCount,
  MaintenanceReport,
  MaintenanceResult,
  MaintenanceTask,
} from '../../shared/contract/maintenance'
import { rowCounts } from '../db/backup'
import type { DatabaseKey } from '../db/key'
import type { LiveDatabase } from '../db/live'
import { schemaVersion } from '../db/migrate'
import { fileEncryption, writeTx, type DB } from '../db/open'
import { runTask } from '../db/tasks'
import { verifyResources } from './audit'
import { expireBloodRequests } from './blood'
import { checkMoney } from './paymentsCheck'
import { backupEntries, runtimeFor } from './backup'
import { readMaintenanceLog, recordMaintenance } from './maintenanceLog'

/** The seed's housekeeping thresholds. */
export const READ_NOTIFICATION_DAYS = 90
export const STALE_PENDING_HOURS = 24
/**
 * How long the change feed (migration 007) keeps its rows. A desk resuming after a longer gap is
 * told to re-read everything, which is what it would do anyway; until a central sync reads the
 * table as its outbox, nothing else needs older rows.
 */
export const CHANGES_DAYS = 7

export interface MaintenanceDeps {
  /** Read when used (a getter in the desk): a queued restore may have replaced the handle. */
  readonly db: DB
  dbPath: string
  live: LiveDatabase | null
  now: () => Date
  /** Pages an incremental vacuum frees per step (tests make it small). */
  vacuumPagesPerStep?: number
  /** The database's key: the integrity check opens its own connection (absent: not encrypted). */
  key?: DatabaseKey | null
}

/**
 * Pages freed per step of a vacuum: about 8 MB, written in tens of milliseconds. Between steps the
 * write lock is free for a few dozen milliseconds, long enough for SQLite's busy handler on another
 * desk to take it: a VACUUM of a large file in one go held every other desk's writes for its whole
 * length, until their busy timeout gave up.
 */
export const VACUUM_PAGES_PER_STEP = 2000
const VACUUM_PAUSE_MS = 40

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size
  } catch {
    return 0
  }
}

interface Housekeeping {
  item: Omit<HousekeepingCount, 'count'>
  count(db: DB, now: Date): number
  /** Absent: counted only, never changed by cleanup. */
  apply?(db: DB, now: Date): number
}

// julianday() reads both the desk's ISO 8601 times and SQLite's CURRENT_TIMESTAMP (adopted rows).
const HOUSEKEEPING: Housekeeping[] = [
  {
    item: {
      id: 'oldReadNotifications',
      label: `Read notifications older than ${READ_NOTIFICATION_DAYS} days`,
      action: 'Deleted by cleanup.',
    },
    count: (db, now) =>
      db
        .prepare(
          `SELECT COUNT(*) FROM booking_notifications WHERE isRead = 1 AND julianday(createdAt) < julianday(?)`,
        )
        .pluck()
        .get(subDays(now, READ_NOTIFICATION_DAYS).toISOString()) as number,
    apply: (db, now) =>
      db
        .prepare(`DELETE FROM booking_notifications WHERE isRead = 1 AND julianday(createdAt) < julianday(?)`)
        .run(subDays(now, READ_NOTIFICATION_DAYS).toISOString()).changes,
  },
  {
    item: {
      id: 'expiredBloodRequests',
      label: 'Active blood requests past their required-by date',
      action: "Marked 'expired' by cleanup.",
    },
    count: (db, now) =>
      db
        .prepare(
          `SELECT COUNT(*) FROM blood_requests
            WHERE status = 'active' AND requiredBy IS NOT NULL AND julianday(requiredBy) < julianday(?)`,
        )
        .pluck()
        .get(now.toISOString()) as number,
    apply: (db, now) => expireBloodRequests(db, now),
  },
  {
    item: {
      id: 'oldChanges',
      label: `Live-change records older than ${CHANGES_DAYS} days`,
      action: 'Deleted by cleanup (open screens have long since re-read them).',
    },
    count: (db, now) =>
      db
        .prepare(`SELECT COUNT(*) FROM changes WHERE changed_at < ?`)
        .pluck()
        .get(subDays(now, CHANGES_DAYS).toISOString()) as number,
    apply: (db, now) =>
      db.prepare(`DELETE FROM changes WHERE changed_at < ?`).run(subDays(now, CHANGES_DAYS).toISOString())
        .changes,
  },
  {
    item: {
      id: 'stalePendingBookings',
      label: `Pending bookings scheduled more than ${STALE_PENDING_HOURS} hours ago`,
      action: 'Left for the desk to decline or cancel: cleanup never changes a booking.',
    },
    count: (db, now) =>
      db
        .prepare(
          `SELECT COUNT(*) FROM bookings WHERE status = 'pending' AND julianday(scheduledDate) < julianday(?)`,
        )
        .pluck()
        .get(new Date(now.getTime() - STALE_PENDING_HOURS * 3_600_000).toISOString()) as number,
  },
]

export function housekeepingCounts(db: DB, now: Date): HousekeepingCount[] {
  return HOUSEKEEPING.map((h) => ({ ...h.item, count: h.count(db, now) }))
}

export function maintenanceReport(deps: MaintenanceDeps): MaintenanceReport {
  const { db, dbPath } = deps
  const log = readMaintenanceLog(dbPath)
  const newestFile = backupEntries(dbPath).find((e) => e.verification === 'verified')
  let lastBackup = log.lastBackup
  if (newestFile && (!lastBackup || Date.parse(newestFile.createdAt) > Date.parse(lastBackup.at))) {
    lastBackup = { at: newestFile.createdAt, path: newestFile.file, sizeBytes: newestFile.sizeBytes }
  }
  return {
    databasePath: dbPath,
    encrypted: fileEncryption(dbPath) === 'encrypted',
    tables: Object.entries(rowCounts(db)).map(([name, rows]) => ({ name, rows })),
    databaseBytes: fileSize(dbPath),
    walBytes: fileSize(`${dbPath}-wal`),
    pageSize: db.pragma('page_size', { simple: true }) as number,
    pageCount: db.pragma('page_count', { simple: true }) as number,
    freePages: db.pragma('freelist_count', { simple: true }) as number,
    schemaVersion: schemaVersion(db),
    lastBackup,
    lastIntegrityCheck: log.lastIntegrityCheck,
    housekeeping: housekeepingCounts(db, deps.now()),
  }
}

/** Resource rows that break available + occupied + reserved + maintenance = total, or go below 0. */
function invariantViolations(db: DB): string[] {
  const rows = db
    .prepare(
      `SELECT hospitalId, resourceType, total, available, occupied, reserved, maintenance FROM hospital_resources
        WHERE NOT (total >= 0 AND available >= 0 AND occupied >= 0 AND reserved >= 0 AND maintenance >= 0
                   AND available + occupied + reserved + maintenance = total)`,
    )
    .all() as {
    hospitalId: number
    resourceType: string
    total: number
    available: number
    occupied: number
    reserved: number
    maintenance: number
  }[]
  return rows.map(
    (r) =>
      `Hospital ${r.hospitalId} ${r.resourceType}: available ${r.available} + occupied ${r.occupied} + reserved ${r.reserved} + maintenance ${r.maintenance} ≠ total ${r.total}`,
  )
}

async function integrity(deps: MaintenanceDeps): Promise<Extract<MaintenanceResult, { task: 'integrity' }>> {
  const runtime = runtimeFor(deps.live, deps.dbPath)
  const findings = await runtime.run(
    { kind: 'maintenance', phase: 'check', startedAt: deps.now().toISOString(), file: null },
    (onProgress) =>
      runTask(
        { kind: 'integrity', request: { dbPath: deps.dbPath, keyBytes: deps.key ? deps.key.bytes() : null } },
        onProgress,
      ),
  )
  const invariant = invariantViolations(deps.db)
  const audit = verifyResources(deps.db, null)
  const money = checkMoney(deps.db)
  const integrityOk = findings.integrity.length === 1 && findings.integrity[0] === 'ok'
  const problems = [
    ...(integrityOk ? [] : findings.integrity.map((l) => `Integrity check: ${l}`)),
    ...findings.foreignKeys.map((l) => `Foreign key: ${l}`),
    ...invariant.map((l) => `Resource invariant: ${l}`),
    ...audit.problems.map((p) => `Audit (${p.hospitalName}, ${p.resourceType}): ${p.message}`),
    ...money.map((l) => `Money: ${l}`),
  ]
  return {
    task: 'integrity',
    ok: problems.length === 0,
    problems,
    integrity: findings.integrity,
    foreignKeyViolations: findings.foreignKeys.length,
    invariantViolations: invariant.length,
    audit: { checked: audit.checked, replayed: audit.replayed, problems: audit.problems.length },
  }
}

async function vacuum(deps: MaintenanceDeps): Promise<Extract<MaintenanceResult, { task: 'vacuum' }>> {
  const { db, dbPath } = deps
  const size = () => fileSize(dbPath) + fileSize(`${dbPath}-wal`)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const bytesBefore = size()
  if (db.pragma('auto_vacuum', { simple: true }) !== 2) {
    // A file from before incremental vacuum (or adopted): one full VACUUM converts it, once.
    db.pragma('auto_vacuum = INCREMENTAL')
    db.exec('VACUUM')
  } else {
    const step = deps.vacuumPagesPerStep ?? VACUUM_PAGES_PER_STEP
    while ((db.pragma('freelist_count', { simple: true }) as number) > 0) {
      db.pragma(`incremental_vacuum(${step})`)
      await new Promise((resolve) => setTimeout(resolve, VACUUM_PAUSE_MS))
    }
  }
  // In WAL mode the file shrinks only when the rewritten pages are checkpointed back into it.
  db.pragma('wal_checkpoint(TRUNCATE)')
  const bytesAfter = size()
  return {
    task: 'vacuum',
    ok: true,
    bytesBefore,
    bytesAfter,
    freedBytes: Math.max(0, bytesBefore - bytesAfter),
  }
}

function cleanup(deps: MaintenanceDeps, confirm: boolean): Extract<MaintenanceResult, { task: 'cleanup' }> {
  const now = deps.now()
  if (!confirm) return { task: 'cleanup', ok: true, applied: false, items: housekeepingCounts(deps.db, now) }
  const items = writeTx(deps.db, () =>
    HOUSEKEEPING.map((h) => ({ ...h.item, count: h.apply ? h.apply(deps.db, now) : h.count(deps.db, now) })),
  )
  return { task: 'cleanup', ok: true, applied: true, items }
}

function summary(result: MaintenanceResult): string {
  switch (result.task) {
    case 'integrity':
      return result.ok ? 'no problems' : `${result.problems.length} problem(s)`
    case 'vacuum':
      return `freed ${result.freedBytes} bytes`
    case 'cleanup':
      return result.items.map((i) => `${i.id} ${i.count}`).join(', ')
    default:
      return result.summary
  }
}

export async function runMaintenance(
  deps: MaintenanceDeps,
  task: MaintenanceTask,
  options: { confirm?: boolean; by?: string | null } = {},
): Promise<MaintenanceResult> {
  let result: MaintenanceResult
  switch (task) {
    case 'integrity':
      result = await integrity(deps)
      break
    case 'analyze':
      deps.db.exec('ANALYZE')
      result = { task, ok: true, summary: 'Statistics for the query planner were refreshed (ANALYZE).' }
      break
    case 'optimize':
      deps.db.pragma('optimize')
      result = {
        task,
        ok: true,
        summary: 'SQLite ran the optimisations it judged worthwhile (PRAGMA optimize).',
      }
      break
    case 'vacuum':
      // VACUUM rewrites the file: after the running backup or restore, never under it.
      result = await runtimeFor(deps.live, deps.dbPath).run(
        { kind: 'maintenance', phase: 'check', startedAt: deps.now().toISOString(), file: null },
        () => vacuum(deps),
      )
      break
    case 'cleanup':
      result = cleanup(deps, options.confirm === true)
      break
  }
  if (result.task !== 'cleanup' || result.applied) {
    const at = deps.now().toISOString()
    recordMaintenance(
      deps.dbPath,
      { task, at, ok: result.ok, summary: summary(result), by: options.by ?? null },
      (log) => {
        if (result.task === 'integrity')
          log.lastIntegrityCheck = { at, ok: result.ok, problems: result.problems.slice(0, 50) }
      },
    )
  }
  return result
}
