/** Test helpers: a real desk on a real SQLite file in a temp folder, called through the real dispatcher. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDesk, type DeskCore } from '../src/main/app'
import type { DatabaseKey } from '../src/main/db/key'
import type { ChannelInput, ChannelName, ChannelResult } from '../src/shared/contract'
import { DeskError, type Envelope } from '../src/shared/errors'

export function tempDir(prefix = 'rapidcare-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export const ADMIN = { name: 'Ayesha Rahman', email: 'admin@rapidcare.test', password: 'correct-horse-42' }

export interface TestDesk extends DeskCore {
  dir: string
  dbPath: string
  /** The first-run code this desk's serve would print. */
  setupCode: string
  /** The raw envelope of a call. */
  raw(channel: string, input: unknown, token?: string | null): Promise<Envelope<unknown>>
  /** A typed call that throws the DeskError of a failed envelope. */
  call<K extends ChannelName>(
    channel: K,
    input: ChannelInput<K>,
    token?: string | null,
  ): Promise<ChannelResult<K>>
  /** Set up the first admin and sign in; returns the token. */
  adminToken(): Promise<string>
  login(email: string, password: string): Promise<string>
}

export function makeDesk(options: { now?: () => Date; key?: DatabaseKey | null } = {}): TestDesk {
  const dir = tempDir()
  const dbPath = path.join(dir, 'desk.sqlite')
  // The feed's timer stays off: a test pokes it, and the dispatcher does after every call.
  const desk = openDesk({
    dbPath,
    now: options.now,
    logError: () => {},
    key: options.key ?? null,
    feedIntervalMs: 0,
  })
  const raw = (channel: string, input: unknown, token: string | null = null) =>
    desk.dispatcher.call(channel, input, token)
  const call = async <K extends ChannelName>(
    channel: K,
    input: ChannelInput<K>,
    token: string | null = null,
  ) => {
    const env = await raw(channel, input, token)
    if (!env.ok) throw DeskError.fromBody(env.error)
    return env.value as ChannelResult<K>
  }
  const login = async (email: string, password: string) =>
    (await call('auth.login', { email, password })).token
  let adminTok: string | null = null
  return {
    // A restore swaps the live handle: read it through the desk every time, never a copy.
    get db() {
      return desk.db
    },
    live: desk.live,
    dispatcher: desk.dispatcher,
    feed: desk.feed,
    app: desk.app,
    close: () => desk.close(),
    dir,
    dbPath,
    setupCode: desk.dispatcher.setupCode.value,
    raw,
    call,
    login,
    async adminToken() {
      if (adminTok) return adminTok
      await call('auth.setupAdmin', { ...ADMIN, setupCode: desk.dispatcher.setupCode.value })
      adminTok = await login(ADMIN.email, ADMIN.password)
      return adminTok
    },
  }
}

/** Expect a call to fail with this code (and, for VALIDATION, this field). */
export async function expectFailure(
  promise: Promise<Envelope<unknown>>,
  code: string,
  field?: string,
): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const env = await promise
  if (env.ok) throw new Error(`Expected ${code}, got ok: ${JSON.stringify(env.value).slice(0, 200)}`)
  if (env.error.code !== code)
    throw new Error(`Expected ${code}, got ${env.error.code}: ${env.error.message}`)
  if (field !== undefined && env.error.details?.field !== field) {
    throw new Error(`Expected field ${field}, got ${String(env.error.details?.field)}: ${env.error.message}`)
  }
  return env.error
}

/**
 * Row counts of every table, to prove that a refusal changed nothing. Not the desk's plumbing of
 * migration 007: a sign-in between two counts rightly writes a session and its lastLogin's change.
 */
export function tableCounts(desk: DeskCore, options: { plumbing?: boolean } = {}): Record<string, number> {
  const plumbing = options.plumbing ? '' : `AND name NOT IN ('changes', 'sessions')`
  const tables = desk.db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ${plumbing} ORDER BY name`,
    )
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, desk.db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number]),
  )
}
