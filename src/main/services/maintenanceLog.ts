/**
 * What the desk remembers about its own upkeep (last backup, last integrity check, recent runs), in a
 * small JSON file beside the database rather than a table: it describes the file at that path, so it
 * must survive a restore that replaces the database, and it changes no part of the seed's schema.
 */
import fs from 'node:fs'
import type { IntegrityOutcome } from '../../shared/contract/maintenance'

export interface MaintenanceLog {
  lastBackup: { at: string; path: string; sizeBytes: number } | null
  lastIntegrityCheck: IntegrityOutcome | null
  /** Newest last, at most MAX_RUNS. */
  runs: { task: string; at: string; ok: boolean; summary: string; by: string | null }[]
}

const MAX_RUNS = 100

export function maintenanceLogPath(dbPath: string): string {
  return `${dbPath}.maintenance.json`
}

export function readMaintenanceLog(dbPath: string): MaintenanceLog {
  const empty: MaintenanceLog = { lastBackup: null, lastIntegrityCheck: null, runs: [] }
  try {
    const parsed = JSON.parse(fs.readFileSync(maintenanceLogPath(dbPath), 'utf8')) as Partial<MaintenanceLog>
    return {
      lastBackup: parsed.lastBackup ?? null,
      lastIntegrityCheck: parsed.lastIntegrityCheck ?? null,
      runs: Array.isArray(parsed.runs) ? parsed.runs : [],
    }
  } catch {
    return empty // none yet, or unreadable: the log is a convenience, never a reason to fail
  }
}

/** Record one run (and whatever else `change` sets), written whole to a temp file and renamed. */
export function recordMaintenance(
  dbPath: string,
  run: MaintenanceLog['runs'][number],
  change: (log: MaintenanceLog) => void = () => {},
): void {
  try {
    const log = readMaintenanceLog(dbPath)
    log.runs = [...log.runs, run].slice(-MAX_RUNS)
    change(log)
    const file = maintenanceLogPath(dbPath)
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(log, null, 2))
    fs.renameSync(tmp, file)
  } catch (err) {
    console.error('[rapidcare] could not write the maintenance log:', err)
  }
}
