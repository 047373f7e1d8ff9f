import type { HubControl } from '../hub/control'
import type { Role } from '../../shared/schemas'
import type { DatabaseKey } from '../db/key'
import type { DB } from '../db/open'

/** The signed-in user a call acts for, re-read from the database on every call. */
export interface Actor {
  id: number
  name: string
  email: string
  role: Role
  hospitalId: number | null
}

/** Facts about this desk that go into audit rows: the workstation and the app, never the user's data. */
export interface ClientInfo {
  workstation: string
  userAgent: string
}

export interface AppInfo {
  appName: string
  appVersion: string
  databasePath: string
  /** The database's key (it prints as `[database key]`); absent or null: the file is not encrypted. */
  databaseKey?: DatabaseKey | null
  /** Set once this desk serves the hospital's network (`serve --lan`, or shared from its Settings). */
  hub?: { url: string; fingerprint: string }
  /** The Electron desk's hand on the hospital's network (Settings); absent in browser mode. */
  hubControl?: HubControl
}

/** What every service function gets: the database, the clock, and who is asking. */
export interface ServiceContext {
  db: DB
  now: () => Date
  client: ClientInfo
  app: AppInfo
}

export interface ActorContext extends ServiceContext {
  actor: Actor
}
