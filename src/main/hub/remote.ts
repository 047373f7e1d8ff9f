/**
 * A desk joined to the hub: the same `Dispatcher` interface, answered by the hub over pinned HTTPS.
 * The renderer cannot tell the difference; the session token stays in main (the Electron transport
 * keeps it per window, as for a desk of its own). A write is acknowledged only once the hub
 * answered that it committed: a lost connection is an error, never a guess.
 */
import { createParser } from 'eventsource-parser'
import { isErrorBody, type Envelope } from '../../shared/errors'
import { isChangeEvent, type ChangeEvent, type LiveConnection } from '../../shared/live'
import type { Dispatcher } from '../ipc/dispatcher'
import { SessionStore } from '../services/sessions'
import { PinError, type PinnedClient } from './pinned'

export interface RemoteDeps {
  client: PinnedClient
  /** Told when the hub stops answering and when it answers again. */
  onConnection?(connection: LiveConnection): void
}

export function unreachable(host: string, err: unknown): Envelope<never> {
  const message =
    err instanceof PinError
      ? `The hospital's desk at ${host} is refused: ${err.message}`
      : `The hospital's desk at ${host} is not answering. Nothing was changed; try again when it is back.`
  return { ok: false, error: { code: 'INTERNAL', message } }
}

export function createRemoteDispatcher(deps: RemoteDeps): Dispatcher {
  const host = deps.client.hub.url.host
  let down: string | null = null
  const mark = (ok: boolean) => {
    if (ok && down) {
      down = null
      deps.onConnection?.({ state: 'connected', host })
    } else if (!ok && !down) {
      down = new Date().toISOString()
      deps.onConnection?.({ state: 'down', since: down, host })
    }
  }
  return {
    // The hub holds the sessions; this store stays empty and exists for the interface's sake.
    sessions: new SessionStore(),
    async call(channel, input, token) {
      if (!/^[a-z]+\.[a-zA-Z]+$/.test(channel))
        return { ok: false, error: { code: 'NOT_FOUND', message: `There is no channel named ${channel}.` } }
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Accept: 'application/json',
      }
      if (token) headers.Authorization = `Bearer ${token}`
      let response
      try {
        response = await deps.client.request('POST', `/api/${channel}`, headers, JSON.stringify(input ?? {}))
      } catch (err) {
        mark(false)
        return unreachable(host, err)
      }
      mark(true)
      try {
        const body = JSON.parse(response.body) as Envelope<unknown>
        if (body.ok === true || (body.ok === false && isErrorBody(body.error))) return body
      } catch {
        // fall through
      }
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `Unexpected answer from the hospital's desk at ${host} (${response.status}).`,
        },
      }
    },
  }
}

/** Retry quickly at first, then every few seconds. */
function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 4000)
}

/**
 * The hub's live feed, for one window of a connected desk: reads `GET /api/events` with the
 * window's token, resumes from the last event seen, reconnects on its own.
 */
export class RemoteLive {
  private lastId: string | null = null
  private stopped = false
  private current: { destroy(): void } | null = null

  constructor(
    private readonly client: PinnedClient,
    private readonly token: () => string | null,
    private readonly send: (event: ChangeEvent) => void,
    private readonly connection: (c: LiveConnection) => void,
    private readonly idleMs = 1000,
  ) {}

  start(): this {
    void this.loop()
    return this
  }

  stop(): void {
    this.stopped = true
    this.current?.destroy()
  }

  private async loop(): Promise<void> {
    const host = this.client.hub.url.host
    let attempt = 0
    let downSince: string | null = null
    while (!this.stopped) {
      const token = this.token()
      if (!token) {
        await new Promise((r) => setTimeout(r, this.idleMs))
        continue
      }
      const headers: Record<string, string> = {
        Accept: 'text/event-stream',
        Authorization: `Bearer ${token}`,
      }
      if (this.lastId) headers['Last-Event-ID'] = this.lastId
      try {
        const res = await this.client.stream('/api/events', headers)
        this.current = res
        if (res.statusCode === 200) {
          attempt = 0
          if (downSince) this.connection({ state: 'connected', host })
          downSince = null
          const parser = createParser({
            onEvent: (message) => {
              if (message.event !== 'change') return
              try {
                const data: unknown = JSON.parse(message.data)
                if (message.id) this.lastId = message.id
                if (isChangeEvent(data)) this.send(data)
              } catch {
                // not ours
              }
            },
          })
          res.setEncoding('utf8')
          for await (const chunk of res) parser.feed(chunk as string)
        } else {
          res.resume()
          // 401: signed out (or the hub restarted without this session); wait for a new token.
          if (res.statusCode === 401) {
            await this.waitForAnotherToken(token)
            continue
          }
        }
      } catch {
        // the hub is not answering: below
      }
      if (this.stopped) return
      if (!downSince) {
        downSince = new Date().toISOString()
        this.connection({ state: 'down', since: downSince, host })
      }
      await new Promise((r) => setTimeout(r, retryDelay(attempt++)))
    }
  }

  private async waitForAnotherToken(old: string): Promise<void> {
    while (!this.stopped && this.token() === old) await new Promise((r) => setTimeout(r, this.idleMs))
  }
}
