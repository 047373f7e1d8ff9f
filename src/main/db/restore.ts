/**
 * Restore, in the order that keeps a hospital's records safe:
 *   1. verify the backup into a staging file beside the database (decompress, checksum, integrity,
 *      foreign keys, a RapidCare database, a schema not newer than this app) and migrate the staged
 *      copy forward — all before the live database is touched (prepareRestore, in the worker);
 *   2. close the live handle with its WAL folded in, copy the live file aside
 *      (`*.pre-restore-YYYYMMDD-HHMMSS`, fsynced), fsync the staged file, rename it over the live one
 *      (atomic), fsync the folder, reopen (swapIn, synchronous on the main thread).
 * A failure before the rename leaves the old database; after it, the new one: never a mix.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { VerifiedBackup } from '../../shared/contract/backup'
import { DeskError } from '../../shared/errors'
import {
  backupStamp,
  fsyncDir,
  fsyncFile,
  inspectBackup,
  openRaw,
  refuse,
  removeDatabaseFiles,
  type OnProgress,
} from './backup'
import { closeCheckpointed, type LiveDatabase } from './live'
import { latestVersion, loadMigrations, migrate } from './migrate'
import { openDatabase } from './open'
import { stagingName } from './temporaries'

export interface PreparedRestore {
  backup: VerifiedBackup
  stagedPath: string
  schemaVersionBefore: number
  schemaVersionAfter: number
}

export function stagingPathFor(dbPath: string, now: Date): string {
  return stagingName(dbPath, backupStamp(now))
}

/** Step 1: verify into `stagedPath` and bring the staged copy up to this app's schema. */
export async function prepareRestore(
  req: { file: string; stagedPath: string },
  onProgress: OnProgress = () => {},
): Promise<PreparedRestore> {
  const migrations = loadMigrations()
  const backup = await inspectBackup(
    {
      file: req.file,
      stagingPath: req.stagedPath,
      latestVersion: latestVersion(migrations),
      keepStaged: true,
    },
    (p) => onProgress({ phase: 'verify', percent: Math.round(p.percent * 0.9) }),
  )
  try {
    const db = openDatabase(req.stagedPath, { create: false })
    try {
      migrate(db, migrations)
      const after = db.pragma('user_version', { simple: true }) as number
      closeCheckpointed(db)
      onProgress({ phase: 'verify', percent: 100 })
      return {
        backup,
        stagedPath: req.stagedPath,
        schemaVersionBefore: backup.schemaVersion,
        schemaVersionAfter: after,
      }
    } finally {
      if (db.open) db.close()
    }
  } catch (err) {
    removeDatabaseFiles(req.stagedPath)
    throw refuse(`The backup could not be brought up to this app's schema: ${(err as Error).message}`)
  }
}

/**
 * The WAL file outlives its last connection only while another connection holds the database:
 * after our own handle is closed, a -wal beside the file means someone else (another desk, the CLI)
 * still has it open, and replacing the file under them would mix two databases.
 */
function assertNotInUse(dbPath: string): void {
  if (fs.existsSync(`${dbPath}-wal`))
    throw new DeskError(
      'CONFLICT',
      'Another program has this database open (another desk or a command-line tool). Close it, then restore again.',
    )
}

/** Step 2: put the staged file in place of the live database. Synchronous from close to reopen. */
export function swapIn(
  target: { dbPath: string; live: LiveDatabase | null },
  stagedPath: string,
  now: Date,
): { preRestorePath: string | null } {
  const { dbPath } = target
  const swap = () => {
    assertNotInUse(dbPath)
    let preRestorePath: string | null = null
    if (fs.existsSync(dbPath)) {
      preRestorePath = uniquePath(`${dbPath}.pre-restore-${backupStamp(now)}`)
      fs.copyFileSync(dbPath, preRestorePath, fs.constants.COPYFILE_EXCL)
      fsyncFile(preRestorePath)
    }
    fsyncFile(stagedPath)
    // A stale -shm of the old file must not be taken for the new one's; with no -wal (checked above)
    // and no connection open, it holds nothing.
    fs.rmSync(`${dbPath}-shm`, { force: true })
    fs.renameSync(stagedPath, dbPath)
    fsyncDir(path.dirname(dbPath))
    return { preRestorePath }
  }
  if (target.live) return target.live.replace(swap)
  // No desk handle (the CLI): open and close once, so a crashed desk's WAL is folded in first and a
  // running desk is detected by the WAL it keeps.
  if (fs.existsSync(dbPath)) closeCheckpointed(openRaw(dbPath))
  return swap()
}

function uniquePath(base: string): string {
  let candidate = base
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${base}-${n}`
  return candidate
}
