/** Opens the desk's database, brings its schema up to date, and builds the dispatcher: shared by Electron, serve and tests. */
import os from 'node:os'
import type { DatabaseKey } from './db/key'
import { LiveDatabase } from './db/live'
import { openDatabase, type DB } from './db/open'
import { migrate } from './db/migrate'
import { APP_NAME } from './db/paths'
import type { SetupCode } from './services/setupCode'
import { createDispatcher, type Dispatcher } from './ipc/dispatcher'
import { buildHandlers } from './ipc/handlers'
import { ChangeFeed } from './live/feed'
import type { AppInfo, ClientInfo } from './services/context'
import { SessionStore, type SessionPersistence } from './services/sessions'
import { APP_VERSION } from './version'
import type { ErrorBody } from '../shared/errors'
import { withMessageKeys } from '../shared/i18n/errorWords'

export interface DeskCore {
  /** The current handle: a restore replaces it (see db/live.ts), so read it when needed, never keep it. */
  readonly db: DB
  live: LiveDatabase
  dispatcher: Dispatcher & { readonly setupCode: SetupCode }
  /** Live changes of the file, whoever wrote them (see live/feed.ts). */
  feed: ChangeFeed
  app: AppInfo
  close(): void
}

export interface DeskOptions {
  dbPath: string
  /** The database's key: the file is encrypted with it (a new one from its first byte). */
  key?: DatabaseKey | null
  now?: () => Date
  logError?: (channel: string, err: unknown) => void
  /** How often the feed looks for other processes' commits; 0 leaves its timer off (tests poke it). */
  feedIntervalMs?: number
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

/** Sessions kept in the desk's own file (migration 007), read through the live handle a restore replaces. */
function sessionsIn(live: LiveDatabase): SessionPersistence {
  return {
    get: (tokenHash) =>
      live.db.prepare('SELECT userId, lastSeen FROM sessions WHERE tokenHash = ?').get(tokenHash) as
        { userId: number; lastSeen: number } | undefined,
    put: (tokenHash, userId, lastSeen) =>
      void live.db
        .prepare(
          `INSERT INTO sessions (tokenHash, userId, lastSeen) VALUES (?, ?, ?)
           ON CONFLICT (tokenHash) DO UPDATE SET lastSeen = excluded.lastSeen`,
        )
        .run(tokenHash, userId, lastSeen),
    delete: (tokenHash) => void live.db.prepare('DELETE FROM sessions WHERE tokenHash = ?').run(tokenHash),
    deleteUser: (userId) => void live.db.prepare('DELETE FROM sessions WHERE userId = ?').run(userId),
  }
}

const SESSION_IDLE_MS = 12 * 60 * 60 * 1000

/** The refusal of a call made after the desk closed its database (with its words' key, as the dispatcher's). */
function closing(): ErrorBody {
  return withMessageKeys({ code: 'CONFLICT', message: 'The desk is closing. Nothing was done.' })
}

export function openDesk(options: DeskOptions): DeskCore {
  const key = options.key ?? null
  const live = new LiveDatabase(options.dbPath, (file) => openAndMigrate(file, key))
  // Sessions idle past their time are of no use to anyone: gone at every start.
  live.db.prepare('DELETE FROM sessions WHERE lastSeen < ?').run(Date.now() - SESSION_IDLE_MS)
  const sessions = new SessionStore(SESSION_IDLE_MS, Date.now, sessionsIn(live))
  const app: AppInfo = {
    appName: APP_NAME,
    appVersion: APP_VERSION,
    databasePath: options.dbPath,
    databaseKey: key,
  }
  const inner = createDispatcher({
    get db() {
      return live.db
    },
    live,
    now: options.now ?? (() => new Date()),
    client: clientInfo(),
    app,
    handlers: buildHandlers(),
    sessions,
    logError: options.logError,
  })
  const feed = new ChangeFeed(() => live.db, { intervalMs: options.feedIntervalMs })
  if (options.feedIntervalMs !== 0) feed.start()
  let closed = false
  // This connection's own commits do not move PRAGMA data_version: look right after every call.
  const dispatcher: DeskCore['dispatcher'] = {
    sessions: inner.sessions,
    setupCode: inner.setupCode,
    async call(channel, input, token, caller) {
      // Electron's will-quit closes the file while the window's page may still be asking (its
      // status, a list): such a call is refused as what it is, not run into the closed handle and
      // logged as a failure.
      if (closed) return { ok: false, error: closing() }
      const result = await inner.call(channel, input, token, caller)
      if (!closed) feed.poke()
      return result
    },
  }
  return {
    get db() {
      return live.db
    },
    live,
    dispatcher,
    feed,
    app,
    close() {
      closed = true
      feed.stop()
      live.close()
    },
  }
}
