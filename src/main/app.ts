/** Opens the desk's database, brings its schema up to date, and builds the dispatcher: shared by Electron, serve and tests. */
import os from 'node:os'
import { openDatabase, type DB } from './db/open'
import { migrate } from './db/migrate'
import { APP_NAME } from './db/paths'
import { createDispatcher, type Dispatcher } from './ipc/dispatcher'
import { buildHandlers } from './ipc/handlers'
import type { AppInfo, ClientInfo } from './services/context'
import { APP_VERSION } from './version'

export interface DeskCore {
  db: DB
  dispatcher: Dispatcher
  app: AppInfo
  close(): void
}

export interface DeskOptions {
  dbPath: string
  now?: () => Date
  logError?: (channel: string, err: unknown) => void
}

export function clientInfo(): ClientInfo {
  return { workstation: os.hostname(), userAgent: `${APP_NAME}/${APP_VERSION}` }
}

export function openDesk(options: DeskOptions): DeskCore {
  const db = openDatabase(options.dbPath)
  try {
    migrate(db)
  } catch (err) {
    db.close()
    throw err
  }
  const app: AppInfo = { appName: APP_NAME, appVersion: APP_VERSION, databasePath: options.dbPath }
  const dispatcher = createDispatcher({
    db,
    now: options.now ?? (() => new Date()),
    client: clientInfo(),
    app,
    handlers: buildHandlers(),
    logError: options.logError,
  })
  return {
    db,
    dispatcher,
    app,
    close() {
      if (!db.open) return
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
