/** Opens the desk's database, brings its schema up to date, and builds the dispatcher: shared by Electron, serve and tests. */
import os from 'node:os'
import type { DatabaseKey } from './db/key'
import { LiveDatabase } from './db/live'
import { openDatabase, type DB } from './db/open'
import { migrate } from './db/migrate'
import { APP_NAME } from './db/paths'
import { createDispatcher, type Dispatcher } from './ipc/dispatcher'
import { buildHandlers } from './ipc/handlers'
import type { AppInfo, ClientInfo } from './services/context'
import { APP_VERSION } from './version'

export interface DeskCore {
  /** The current handle: a restore replaces it (see db/live.ts), so read it when needed, never keep it. */
  readonly db: DB
  live: LiveDatabase
  dispatcher: Dispatcher
  app: AppInfo
  close(): void
}

export interface DeskOptions {
  dbPath: string
  /** The database's key: the file is encrypted with it (a new one from its first byte). */
  key?: DatabaseKey | null
  now?: () => Date
  logError?: (channel: string, err: unknown) => void
}

export function clientInfo(): ClientInfo {
  return { workstation: os.hostname(), userAgent: `${APP_NAME}/${APP_VERSION}` }
}

function openAndMigrate(file: string, key: DatabaseKey | null): DB {
  const db = openDatabase(file, { key })
  try {
    migrate(db, undefined, { backup: true })
  } catch (err) {
    db.close()
    throw err
  }
  return db
}

export function openDesk(options: DeskOptions): DeskCore {
  const key = options.key ?? null
  const live = new LiveDatabase(options.dbPath, (file) => openAndMigrate(file, key))
  const app: AppInfo = {
    appName: APP_NAME,
    appVersion: APP_VERSION,
    databasePath: options.dbPath,
    databaseKey: key,
  }
  const dispatcher = createDispatcher({
    get db() {
      return live.db
    },
    live,
    now: options.now ?? (() => new Date()),
    client: clientInfo(),
    app,
    handlers: buildHandlers(),
    logError: options.logError,
  })
  return {
    get db() {
      return live.db
    },
    live,
    dispatcher,
    app,
    close() {
      live.close()
    },
  }
}
