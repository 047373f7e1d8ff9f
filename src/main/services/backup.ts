/**
 * Backups as the desk offers them: export into the backups folder (or a chosen file), the list with
 * each backup's state, a check that says what a backup holds, and the restore. One job at a time
 * per database (a restore never swaps the file while a backup is reading it), with its progress.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {
  BackupEntry,
  BackupJob,
  BackupKind,
  BackupList,
  BackupResult,
  RestoreResult,
  VerifiedBackup,
} from '../../shared/contract/backup'
import { DeskError } from '../../shared/errors'
import {
  backupsFolder,
  defaultBackupName,
  quickVerification,
  refuse,
  removeDatabaseFiles,
  type OnProgress,
} from '../db/backup'
import type { DatabaseKey } from '../db/key'
import type { LiveDatabase } from '../db/live'
import type { DB } from '../db/open'
import { stagingPathFor, swapIn } from '../db/restore'
import { runTask } from '../db/tasks'
import type { Actor, AppInfo, ClientInfo } from './context'
import { recordMaintenance } from './maintenanceLog'
import type { SessionStore } from './sessions'

export const DEFAULT_RETENTION_DAYS = 30

/** The running job and the queue behind it, for one database. */
export class BackupRuntime {
  job: BackupJob | null = null
  lastAutomaticError: { at: string; message: string } | null = null
  retentionDays = DEFAULT_RETENTION_DAYS
  private tail: Promise<unknown> = Promise.resolve()

  /** Run `work` after every job queued before it, reporting its progress as the current job. */
  run<T>(
    job: Omit<BackupJob, 'percent' | 'phase'> & { phase?: BackupJob['phase'] },
    work: (onProgress: OnProgress) => Promise<T>,
  ): Promise<T> {
    const start = async () => {
      this.job = { phase: 'snapshot', ...job, percent: 0 }
      try {
        return await work((p) => {
          if (this.job) this.job = { ...this.job, phase: p.phase, percent: p.percent }
        })
      } finally {
        this.job = null
      }
    }
    const next = this.tail.then(start, start)
    this.tail = next.catch(() => undefined)
    return next
  }

  /** Resolves once every job queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined)
  }
}

const runtimes = new WeakMap<LiveDatabase, BackupRuntime>()
const byPath = new Map<string, BackupRuntime>()

/** The one runtime of a live database (or, with none, of a path: the CLI). */
export function runtimeFor(live: LiveDatabase | null, dbPath: string): BackupRuntime {
  if (!live) {
    if (!byPath.has(dbPath)) byPath.set(dbPath, new BackupRuntime())
    return byPath.get(dbPath)!
  }
  let runtime = runtimes.get(live)
  if (!runtime) runtimes.set(live, (runtime = new BackupRuntime()))
  return runtime
}

/** What the backup functions need: the database (and its live handle, in a desk), clock, and facts. */
export interface BackupDeps {
  dbPath: string
  live: LiveDatabase | null
  now: () => Date
  app: AppInfo
  client: ClientInfo
}

function runtimeOf(deps: BackupDeps): BackupRuntime {
  return runtimeFor(deps.live, deps.dbPath)
}

/** The database's key as the backup worker takes it (bytes cross a thread; the key object does not). */
function keyBytesOf(key: DatabaseKey | null | undefined): Uint8Array | null {
  return key ? key.bytes() : null
}

export async function exportBackup(
  deps: BackupDeps,
  options: { kind: BackupKind; outFile?: string; overwrite?: boolean; by?: string | null },
): Promise<BackupResult> {
  const runtime = runtimeOf(deps)
  return runtime.run(
    {
      kind: options.kind === 'automatic' ? 'automatic' : 'export',
      startedAt: deps.now().toISOString(),
      file: null,
    },
    async (onProgress) => {
      const createdAt = deps.now()
      let outFile = options.outFile
      if (!outFile) {
        const folder = backupsFolder(deps.dbPath)
        try {
          fs.mkdirSync(folder, { recursive: true })
        } catch (err) {
          throw new DeskError(
            'CONFLICT',
            `The backups folder ${folder} cannot be created (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`,
          )
        }
        // Only a wish: the name is taken atomically when the backup is done (db/temporaries.ts),
        // and another desk finishing in the same second makes this one `-2`.
        outFile = path.join(folder, defaultBackupName(createdAt))
      }
      if (runtime.job) runtime.job = { ...runtime.job, file: path.basename(outFile) }
      const result = await runTask(
        {
          kind: 'backup',
          request: {
            dbPath: deps.dbPath,
            outFile,
            overwrite: options.overwrite,
            nextFreeName: !options.outFile,
            createdAt: createdAt.toISOString(),
            kind: options.kind,
            appName: deps.app.appName,
            appVersion: deps.app.appVersion,
            workstation: deps.client.workstation,
            keyBytes: keyBytesOf(deps.app.databaseKey),
          },
        },
        onProgress,
      )
      const rows = Object.values(result.manifest.tables).reduce((a, b) => a + b, 0)
      recordMaintenance(
        deps.dbPath,
        {
          task: 'backup',
          at: result.manifest.createdAt,
          ok: true,
          summary: `${options.kind} backup ${result.path} (${result.sizeBytes} bytes, ${rows} rows), verified`,
          by: options.by ?? null,
        },
        (log) =>
          (log.lastBackup = {
            at: result.manifest.createdAt,
            path: result.path,
            sizeBytes: result.sizeBytes,
          }),
      )
      return {
        file: path.basename(result.path),
        path: result.path,
        sizeBytes: result.sizeBytes,
        manifest: result.manifest,
      }
    },
  )
}

/** Every backup in the backups folder, newest first, each with its state (a cheap check per file). */
export function backupEntries(dbPath: string): BackupEntry[] {
  const folder = backupsFolder(dbPath)
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch {
    return []
  }
  const entries: BackupEntry[] = []
  for (const file of names) {
    if (!/\.(gz|sqlite)$/.test(file)) continue
    const full = path.join(folder, file)
    let stat: fs.Stats
    try {
      stat = fs.statSync(full)
    } catch {
      continue // removed while we looked
    }
    if (!stat.isFile()) continue
    const { verification, manifest } = quickVerification(full)
    entries.push({
      file,
      sizeBytes: stat.size,
      createdAt: manifest?.createdAt ?? stat.mtime.toISOString(),
      kind: manifest?.kind ?? null,
      verification,
      manifest,
    })
  }
  return entries.sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.file.localeCompare(a.file),
  )
}

export function listBackups(deps: BackupDeps, input: { limit: number; offset: number }): BackupList {
  const runtime = runtimeOf(deps)
  const all = backupEntries(deps.dbPath)
  return {
    items: all.slice(input.offset, input.offset + input.limit),
    total: all.length,
    folder: backupsFolder(deps.dbPath),
    retentionDays: runtime.retentionDays,
    running: runtime.job,
    lastError: runtime.lastAutomaticError,
  }
}

/** A backup named by the renderer: a plain file name inside the backups folder, which must exist. */
export function backupInFolder(dbPath: string, file: string): string {
  const full = path.join(backupsFolder(dbPath), file)
  if (path.dirname(full) !== backupsFolder(dbPath)) throw refuse('must be a file name in the backups folder')
  if (!fs.existsSync(full)) throw refuse(`There is no backup named ${file} in the backups folder.`)
  return full
}

/** Verify a backup and say what it holds. Changes nothing. */
export function checkBackup(
  deps: BackupDeps,
  file: string,
  options: { backupKey?: DatabaseKey | null } = {},
): Promise<VerifiedBackup> {
  return runtimeOf(deps).run(
    {
      kind: 'restore-check',
      phase: 'verify',
      startedAt: deps.now().toISOString(),
      file: path.basename(file),
    },
    (onProgress) =>
      runTask(
        {
          kind: 'prepareRestore',
          request: {
            file,
            stagedPath: stagingPathFor(deps.dbPath, deps.now()),
            keyBytes: keyBytesOf(deps.app.databaseKey),
            backupKeyBytes: keyBytesOf(options.backupKey),
          },
        },
        onProgress,
      ).then((prepared) => {
        removeDatabaseFiles(prepared.stagedPath)
        return prepared.backup
      }),
  )
}

interface UserIdentity {
  id: number
  email: string
}

function identities(db: DB): Map<number, string> {
  const rows = db.prepare('SELECT id, email FROM users').all() as UserIdentity[]
  return new Map(rows.map((r) => [r.id, r.email.toLowerCase()]))
}

/**
 * After a restore a user id may name someone else. Sessions whose user is the same person (same id,
 * same email) in both databases go on; every other session ends.
 */
function endChangedSessions(sessions: SessionStore, before: Map<number, string>, after: Map<number, string>) {
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(id) === undefined || before.get(id) !== after.get(id)) sessions.endAllFor(id)
  }
}

export interface RestoreOptions {
  /** The checksum the person confirmed; a different backup is refused. */
  expectedSha256?: string
  sessions?: SessionStore
  by?: Actor | null
  /** The backup's key when it is not the database's own (a backup from another desk). */
  backupKey?: DatabaseKey | null
}

/** Verify, then (only then) set the current database aside and swap the backup in. */
export function restoreBackup(
  deps: BackupDeps,
  file: string,
  options: RestoreOptions = {},
): Promise<Extract<RestoreResult, { restored: true }>> {
  return runtimeOf(deps).run(
    { kind: 'restore', phase: 'verify', startedAt: deps.now().toISOString(), file: path.basename(file) },
    async (onProgress) => {
      const prepared = await runTask(
        {
          kind: 'prepareRestore',
          request: {
            file,
            stagedPath: stagingPathFor(deps.dbPath, deps.now()),
            keyBytes: keyBytesOf(deps.app.databaseKey),
            backupKeyBytes: keyBytesOf(options.backupKey),
          },
        },
        (p) => onProgress({ phase: 'verify', percent: Math.round(p.percent * 0.95) }),
      )
      try {
        if (options.expectedSha256 && prepared.backup.sha256 !== options.expectedSha256)
          throw new DeskError(
            'CONFLICT',
            'This backup is not the one you confirmed (it has changed since). Check it again before restoring.',
          )
        onProgress({ phase: 'restore', percent: 96 })
        // From here to the reopen nothing else runs: the old users are read, the file swapped, the
        // new users read, in one synchronous stretch.
        const before = deps.live ? identities(deps.live.db) : new Map<number, string>()
        const { preRestorePath } = swapIn(
          { dbPath: deps.dbPath, live: deps.live, key: deps.app.databaseKey ?? null },
          prepared.stagedPath,
          deps.now(),
        )
        if (deps.live && options.sessions)
          endChangedSessions(options.sessions, before, identities(deps.live.db))
        const at = deps.now().toISOString()
        recordMaintenance(
          deps.dbPath,
          {
            task: 'restore',
            at,
            ok: true,
            summary: `restored ${file}${preRestorePath ? `; the previous database is ${preRestorePath}` : ''}`,
            by: options.by?.email ?? null,
          },
          // The restored file passed the integrity and foreign-key checks on its way in.
          (log) => (log.lastIntegrityCheck = { at, ok: true, problems: [] }),
        )
        return {
          restored: true as const,
          backup: prepared.backup,
          preRestorePath,
          schemaVersionBefore: prepared.schemaVersionBefore,
          schemaVersionAfter: prepared.schemaVersionAfter,
        }
      } finally {
        removeDatabaseFiles(prepared.stagedPath)
      }
    },
  )
}
