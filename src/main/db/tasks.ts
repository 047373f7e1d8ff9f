/**
 * The slow work of backups (snapshot, compression, verification, integrity checks) runs in a
 * worker thread with its own SQLite connection, so the desk's event loop stays free: a large
 * database's integrity check takes seconds, and every request would wait behind it. Progress comes
 * back as messages. Where the worker script cannot be found, the same functions run in-process.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { DeskError, isErrorBody } from '../../shared/errors'
import {
  inspectBackup,
  integrityFindings,
  keyFromBytes,
  openRaw,
  takeBackup,
  type BackupRequest,
  type InspectRequest,
  type OnProgress,
  type ProgressEvent,
} from './backup'
import { prepareRestore, type PrepareRestoreRequest } from './restore'

export type BackupTask =
  | { kind: 'backup'; request: BackupRequest }
  | { kind: 'inspect'; request: InspectRequest }
  | { kind: 'prepareRestore'; request: PrepareRestoreRequest }
  | { kind: 'integrity'; request: { dbPath: string; keyBytes?: Uint8Array | null } }

export interface TaskResults {
  backup: Awaited<ReturnType<typeof takeBackup>>
  inspect: Awaited<ReturnType<typeof inspectBackup>>
  prepareRestore: Awaited<ReturnType<typeof prepareRestore>>
  integrity: ReturnType<typeof integrityFindings>
}

export type WorkerMessage =
  | { type: 'progress'; progress: ProgressEvent }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: { code: string; message: string; details?: Record<string, unknown> } }

/** Run a task here, in this thread (the worker calls this; so does the in-process fallback). */
export async function executeTask(task: BackupTask, onProgress: OnProgress): Promise<unknown> {
  switch (task.kind) {
    case 'backup':
      return takeBackup(task.request, onProgress)
    case 'inspect':
      return inspectBackup(task.request, onProgress)
    case 'prepareRestore':
      return prepareRestore(task.request, onProgress)
    case 'integrity': {
      onProgress({ phase: 'check', percent: 0 })
      const db = openRaw(task.request.dbPath, keyFromBytes(task.request.keyBytes))
      try {
        // A read transaction: the checks see one instant of a database the desk keeps writing.
        db.exec('BEGIN')
        const findings = integrityFindings(db)
        db.exec('COMMIT')
        onProgress({ phase: 'check', percent: 100 })
        return findings
      } finally {
        db.close()
      }
    }
  }
}

/**
 * Inside a packaged app this module sits in `resources/app.asar`, which a worker thread cannot read
 * (Electron's asar support stops at the main thread): the worker and what it requires are unpacked
 * (electron-builder.yml `asarUnpack`) into `app.asar.unpacked` beside it, so start it from there.
 */
export function unpackedPath(file: string): string {
  const marker = `${path.sep}app.asar${path.sep}`
  const at = file.indexOf(marker)
  if (at < 0) return file
  return `${file.slice(0, at)}${path.sep}app.asar.unpacked${path.sep}${file.slice(at + marker.length)}`
}

export function workerScript(
  here: string = typeof __dirname === 'string' ? __dirname : process.cwd(),
): { filename: string; execArgv?: string[] } | null {
  // Built by electron-vite: out/main/backupWorker.js, beside the entry or one level above a chunk.
  for (const dir of [here, path.dirname(here)]) {
    const js = unpackedPath(path.join(dir, 'backupWorker.js'))
    if (fs.existsSync(js)) return { filename: js }
  }
  // From source (tests, `npm run cli` through tsx): the TypeScript entry, through tsx's require hook.
  const ts = path.join(here, 'backupWorker.ts')
  if (fs.existsSync(ts)) {
    try {
      return { filename: ts, execArgv: ['--require', createRequire(ts).resolve('tsx/cjs')] }
    } catch {
      return null
    }
  }
  return null
}

/** Run a task in the backup worker (or here, when there is none), with its progress. */
export function runTask<K extends BackupTask['kind']>(
  task: Extract<BackupTask, { kind: K }>,
  onProgress: OnProgress = () => {},
): Promise<TaskResults[K]> {
  const script = workerScript()
  if (!script) return executeTask(task, onProgress) as Promise<TaskResults[K]>
  return new Promise((resolve, reject) => {
    let settled = false
    const worker = new Worker(script.filename, { workerData: task, execArgv: script.execArgv })
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress)
      else if (message.type === 'result') {
        settled = true
        resolve(message.value as TaskResults[K])
      } else {
        settled = true
        const body = message.error
        reject(
          isErrorBody(body) && body.code !== 'INTERNAL' ? DeskError.fromBody(body) : new Error(body.message),
        )
      }
    })
    worker.on('error', (err) => {
      if (!settled) reject(err)
      settled = true
    })
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The backup worker stopped (exit code ${code})`))
      settled = true
    })
  })
}
