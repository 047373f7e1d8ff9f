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
  keyFromBytes,
  openRaw,
  refuse,
  removeDatabaseFiles,
  type OnProgress,
} from './backup'
import type { DatabaseKey } from './key'
import { closeCheckpointed, type LiveDatabase } from './live'
import { latestVersion, loadMigrations, migrate } from './migrate'
import { fileEncryption, openDatabase } from './open'
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

export interface PrepareRestoreRequest {
  file: string
  stagedPath: string
  /** The database's key (bytes): the restored file is encrypted with it, whatever the backup was. */
  keyBytes?: Uint8Array | null
  /** The backup's own key, when it differs from the database's (a backup from another desk). */
  backupKeyBytes?: Uint8Array | null
}

/** Step 1: verify into `stagedPath` and bring the staged copy up to this app's schema and key. */
export async function prepareRestore(
  req: PrepareRestoreRequest,
  onProgress: OnProgress = () => {},
): Promise<PreparedRestore> {
  const migrations = loadMigrations()
  const backupKeyBytes = req.backupKeyBytes ?? req.keyBytes
  const backup = await inspectBackup(
    {
      file: req.file,
      stagingPath: req.stagedPath,
      latestVersion: latestVersion(migrations),
      keepStaged: true,
      keyBytes: backupKeyBytes,
    },
    (p) => onProgress({ phase: 'verify', percent: Math.round(p.percent * 0.9) }),
  )
  const key = keyFromBytes(req.keyBytes)
  try {
    const stagedKey = fileEncryption(req.stagedPath) === 'plain' ? null : keyFromBytes(backupKeyBytes)
    if (stagedKey && !key)
      throw new DeskError(
        'VALIDATION',
        'This backup is encrypted and this database is not: restore it with its key file (npm run cli -- restore FILE --key-file KEYFILE).',
      )
    changeKey(req.stagedPath, stagedKey, key)
  } catch (err) {
    removeDatabaseFiles(req.stagedPath)
    throw err
  }
  try {
    const db = openDatabase(req.stagedPath, { create: false, key })
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
  target: { dbPath: string; live: LiveDatabase | null; key?: DatabaseKey | null },
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
  if (fs.existsSync(dbPath)) {
    let db: ReturnType<typeof openRaw> | null = null
    try {
      db = openRaw(dbPath, target.key ?? null)
    } catch {
      // The file this restore replaces does not open with this key (another key, or damaged):
      // nothing of it can be folded in; the WAL check below still sees a desk that has it open.
    }
    if (db) closeCheckpointed(db)
  }
  return swap()
}

/**
 * Re-encrypt a closed database file in place from one key to another (null: plain). SQLCipher
 * rekeys through a rollback journal, one transaction; only ever run on a file nobody else has open
 * (a staged restore, a copy being encrypted), which replaces the live file by rename afterwards.
 */
export function changeKey(file: string, from: DatabaseKey | null, to: DatabaseKey | null): void {
  if (from === to || (from && to && from.equals(to))) return
  const db = openRaw(file, from)
  try {
    // SQLCipher cannot rekey a database in WAL mode.
    db.pragma('journal_mode = DELETE')
    if (!from) {
      db.pragma(`cipher = 'sqlcipher'`)
      db.pragma('legacy = 4')
    }
    db.pragma(`rekey = ${to ? to.sqlLiteral() : "''"}`)
  } finally {
    db.close()
  }
}

function uniquePath(base: string): string {
  let candidate = base
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${base}-${n}`
  return candidate
}
