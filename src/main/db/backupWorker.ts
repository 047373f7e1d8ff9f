/** The backup worker's entry: runs one task from workerData, posting progress, then its result. */
import { parentPort, workerData } from 'node:worker_threads'
import { DeskError } from '../../shared/errors'
import { executeTask, type BackupTask, type WorkerMessage } from './tasks'

const post = (message: WorkerMessage) => parentPort!.postMessage(message)

executeTask(workerData as BackupTask, (progress) => post({ type: 'progress', progress })).then(
  (value) => post({ type: 'result', value }),
  (err: unknown) =>
    post({
      type: 'error',
      error:
        err instanceof DeskError
          ? { code: err.code, message: err.message, details: err.details }
          : { code: 'INTERNAL', message: err instanceof Error ? (err.stack ?? err.message) : String(err) },
    }),
)
