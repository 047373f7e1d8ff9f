/**
 * The renderer's one live client: tells whoever subscribed to an area when that area changed, and
 * whether the desk (or the hub) is answering. In Electron main pushes the events (preload's
 * onChange); in browser mode it reads `GET /api/events` (live/sse.ts) and reconnects on its own,
 * resuming from the last event it saw.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import { LIVE_AREAS, type ChangeEvent, type LiveArea, type LiveConnection } from '../../../shared/live'
import { readStream, retryDelay } from './sse'

export type LiveListener = (event: ChangeEvent) => void

interface Subscription {
  areas: ReadonlySet<LiveArea>
  fn: LiveListener
}

export interface LiveClientOptions {
  /** Browser mode's bearer token; null in Electron (main holds the session). */
  token(): string | null
  /** The server refused the token: the session is over. */
  onUnauthorised(): void
  bridge?: Window['rapidcare']
  url?: string
}

export class LiveClient {
  state: 'off' | 'connecting' | 'connected' | 'down' = 'off'
  /** When the desk stopped answering, while it does not. */
  downSince: Date | null = null
  /** Who is not answering: this page's own server, or the hub a connected desk talks to. */
  host: string = typeof location === 'undefined' ? '' : location.host

  private readonly subscriptions = new Set<Subscription>()
  private lastId: string | null = null
  private abort: AbortController | null = null
  private unbind: (() => void)[] = []

  constructor(private readonly options: LiveClientOptions) {
    makeAutoObservable<LiveClient, 'subscriptions' | 'lastId' | 'abort' | 'unbind' | 'options'>(this, {
      subscriptions: false,
      lastId: false,
      abort: false,
      unbind: false,
      options: false,
    })
  }

  /** Listen to some areas; returns the unsubscribe. */
  on(areas: readonly LiveArea[], fn: LiveListener): () => void {
    const sub = { areas: new Set(areas), fn }
    this.subscriptions.add(sub)
    return () => this.subscriptions.delete(sub)
  }

  /** Start listening (signed in). Idempotent. */
  start(): void {
    if (this.state !== 'off') return
    const bridge = this.options.bridge
    if (bridge?.onChange) {
      this.state = 'connected'
      this.unbind.push(bridge.onChange((e) => this.emit(e)))
      if (bridge.onConnection) this.unbind.push(bridge.onConnection((c) => this.connection(c)))
      return
    }
    this.state = 'connecting'
    this.abort = new AbortController()
    void this.run(this.abort.signal)
  }

  /** Stop (signed out). */
  stop(): void {
    this.abort?.abort()
    this.abort = null
    for (const u of this.unbind.splice(0)) u()
    this.state = 'off'
    this.downSince = null
  }

  /** Tell the subscribers of the event's areas. */
  emit(event: ChangeEvent): void {
    for (const sub of [...this.subscriptions]) {
      if (!event.areas.some((a) => sub.areas.has(a))) continue
      try {
        sub.fn(event)
      } catch (err) {
        console.error('[rapidcare] a live listener failed:', err)
      }
    }
  }

  private connection(c: LiveConnection): void {
    if (c.host) this.host = c.host
    if (c.state === 'down') this.down(c.since ? new Date(c.since) : new Date())
    else this.up()
  }

  private down(since = new Date()): void {
    if (this.state === 'down') return
    this.state = 'down'
    this.downSince = since
  }

  private up(): void {
    const recovered = this.state === 'down'
    this.state = 'connected'
    this.downSince = null
    // Calls made while it was down failed; whatever is on screen reads again.
    if (recovered)
      this.emit({ seq: Number(this.lastId ?? 0), areas: [...LIVE_AREAS], hospitalIds: [], reset: true })
  }

  private async run(signal: AbortSignal): Promise<void> {
    let attempt = 0
    while (!signal.aborted) {
      const token = this.options.token()
      if (!token) return
      const outcome = await readStream({
        url: this.options.url ?? '/api/events',
        token,
        lastId: () => this.lastId,
        setLastId: (id) => (this.lastId = id),
        signal,
        handlers: {
          onOpen: () => {
            attempt = 0
            runInAction(() => this.up())
          },
          onEvent: (e) => this.emit(e),
        },
      })
      if (signal.aborted) return
      if (outcome === 'unauthorised') {
        runInAction(() => this.stop())
        this.options.onUnauthorised()
        return
      }
      runInAction(() => this.down())
      await new Promise((r) => setTimeout(r, retryDelay(attempt++)))
    }
  }
}
