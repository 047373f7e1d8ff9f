/**
 * The one dispatcher behind both transports: validate → authenticate → authorise → service →
 * envelope. Transports only carry bytes and a token; every rule lives here or below.
 */
import { z } from 'zod'
import {
  contract,
  type ChannelName,
  type ChannelResult,
  type Contract,
  type ParsedInput,
} from '../../shared/contract'
import type { ChannelDef, UnionToIntersection } from '../../shared/channel'
import { DeskError, type Envelope, type ErrorDetails } from '../../shared/errors'
import { withMessageKeys } from '../../shared/i18n/errorWords'
import { actorFor, LoginThrottle } from '../services/auth'
import type { Actor, ServiceContext } from '../services/context'
import type { LiveDatabase } from '../db/live'
import { SessionStore } from '../services/sessions'
import { SetupCode } from '../services/setupCode'

export interface PublicHandlerContext extends ServiceContext {
  token: string | null
  sessions: SessionStore
  throttle: LoginThrottle
  setupCode: SetupCode
  /** Who is calling, as the transport knows it (a client address, or `local`): for sign-in throttling. */
  caller: string
  /** The desk's live database, which a restore replaces; absent for a dispatcher over a bare handle. */
  live?: LiveDatabase
}

export interface HandlerContext extends PublicHandlerContext {
  actor: Actor
  token: string
}

export type Handler<K extends ChannelName> = (
  ctx: Contract[K]['access'] extends 'public' ? PublicHandlerContext : HandlerContext,
  input: ParsedInput<K>,
) => ChannelResult<K> | Promise<ChannelResult<K>>

export type HandlerTable = { [K in ChannelName]: Handler<K> }
export type PartialHandlers<K extends ChannelName> = { [P in K]: Handler<P> }

/** Merge areas' handler tables, refusing a channel handled twice. */
export function mergeHandlers<T extends Partial<HandlerTable>[]>(
  ...tables: T
): UnionToIntersection<T[number]> {
  const out: Record<string, unknown> = {}
  for (const table of tables) {
    for (const [name, fn] of Object.entries(table)) {
      if (name in out) throw new Error(`Channel ${name} has two handlers`)
      out[name] = fn
    }
  }
  return out as UnionToIntersection<T[number]>
}

export interface DispatcherDeps extends ServiceContext {
  handlers: HandlerTable
  /** The channel table; the real contract unless a test brings its own. */
  channels?: Record<string, ChannelDef>
  sessions?: SessionStore
  throttle?: LoginThrottle
  setupCode?: SetupCode
  live?: LiveDatabase
  /** Where unexpected errors go, with their stack. Never given the input: it holds patients' data. */
  logError?: (channel: string, err: unknown) => void
}

export interface Dispatcher {
  /** `caller` names the client (its address over HTTP); the sign-in throttle counts by it. */
  call(channel: string, input: unknown, token: string | null, caller?: string): Promise<Envelope<unknown>>
  readonly sessions: SessionStore
  /**
   * The first-run code: serve prints it, the Electron transport hands it to the desk's own window.
   * Absent for a desk connected to a hub, whose code is the hub's own.
   */
  readonly setupCode?: SetupCode
}

export function validationDetails(error: z.ZodError): { message: string; details: ErrorDetails } {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path]
    for (const path of keys) {
      const name = path.length ? path.map(String).join('.') : 'input'
      const message = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message
      if (!(name in fields)) fields[name] = message
    }
  }
  const [field, message] = Object.entries(fields)[0] ?? ['input', 'is not valid']
  return { message: `${field}: ${message}`, details: { field, fields } }
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher & { readonly setupCode: SetupCode } {
  const sessions = deps.sessions ?? new SessionStore()
  const throttle = deps.throttle ?? new LoginThrottle()
  const setupCode = deps.setupCode ?? new SetupCode()
  const logError = deps.logError ?? ((channel, err) => console.error(`[rapidcare] ${channel} failed:`, err))
  const channels: Record<string, ChannelDef> = deps.channels ?? contract
  // Read per call, never kept: a restore replaces the database handle under a running desk.
  const base = (): ServiceContext => ({ db: deps.db, now: deps.now, client: deps.client, app: deps.app })

  async function call(
    channel: string,
    rawInput: unknown,
    token: string | null,
    caller = 'local',
  ): Promise<Envelope<unknown>> {
    try {
      if (!Object.prototype.hasOwnProperty.call(channels, channel)) {
        throw new DeskError('NOT_FOUND', `There is no channel named ${channel}.`)
      }
      const def = channels[channel]!
      const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput)
      if (!parsed.success) {
        const { message, details } = validationDetails(parsed.error)
        throw new DeskError('VALIDATION', message, details)
      }
      const publicCtx: PublicHandlerContext = {
        ...base(),
        live: deps.live,
        token,
        sessions,
        throttle,
        setupCode,
        caller,
      }
      let ctx: PublicHandlerContext | HandlerContext = publicCtx
      if (def.access !== 'public') {
        const actor = actorFor(deps.db, sessions, token)
        if (!actor || !token) throw new DeskError('UNAUTHENTICATED', 'Please sign in.')
        if (!(def.access as readonly string[]).includes(actor.role)) {
          throw new DeskError('FORBIDDEN', `Your role (${actor.role}) may not use ${channel}.`)
        }
        ctx = { ...publicCtx, actor, token }
      }
      const handler = (deps.handlers as Record<string, (c: typeof ctx, i: unknown) => unknown>)[channel]
      if (!handler) throw new DeskError('NOT_FOUND', `There is no handler for ${channel}.`)
      const value = await handler(ctx, parsed.data)
      return { ok: true, value: value === undefined ? null : value }
    } catch (err) {
      // Every refusal leaves with its message's key and parameters (shared/i18n/errorWords.ts), so
      // the renderer says it in the user's language, whichever transport carried it.
      if (err instanceof DeskError) return { ok: false, error: withMessageKeys(err.toBody()) }
      if (isBusy(err)) return { ok: false, error: withMessageKeys(BUSY) }
      logError(channel, err)
      // Bare on purpose: nothing about the failure leaves main (the renderer knows these words).
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong inside the desk. It has been logged; nothing was changed.',
        },
      }
    }
  }

  return { call, sessions, setupCode }
}

/**
 * SQLite gave up waiting for another connection's lock (busy_timeout passed): another desk or the
 * CLI on the same file is doing something long (a VACUUM, a backup's snapshot). Nothing was
 * written; the person can simply try again.
 */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return (
    typeof code === 'string' &&
    (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED')
  )
}

const BUSY = {
  code: 'CONFLICT' as const,
  message:
    'The database is busy with another desk’s long task (such as maintenance or a backup). Nothing was changed; try again in a moment.',
  details: { busy: true },
}
