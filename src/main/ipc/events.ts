/**
 * `GET /api/events`: the live feed as Server-Sent Events for browser mode and the hub. The bearer
 * token comes in the Authorization header (never the URL, which ends up in logs and history); each
 * event is `id: <seq>`, `event: change`, `data: {"seq","areas","hospitalIds"}`; a comment line every
 * `heartbeatMs` keeps proxies and the client's silence detector content; `Last-Event-ID` resumes.
 */
import type http from 'node:http'
import type { ChangeEvent } from '../../shared/live'
import type { ChangeFeed, Scope } from '../live/feed'

/** Under the 20 s the issue allows, with room for a busy event loop. */
export const HEARTBEAT_MS = 15_000

export interface EventsDeps {
  feed: ChangeFeed
  /** The subscriber's scope for this token; undefined when the token is not a live session. */
  scopeFor(token: string | null): Scope | undefined
  heartbeatMs?: number
}

export function formatEvent(event: ChangeEvent): string {
  return `id: ${event.seq}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`
}

/** The client's Last-Event-ID, when it is a sequence number; anything else is ignored. */
export function lastEventId(headers: http.IncomingHttpHeaders): number | undefined {
  const raw = headers['last-event-id']
  const text = Array.isArray(raw) ? raw[0] : raw
  if (!text || !/^\d{1,15}$/.test(text.trim())) return undefined
  return Number(text.trim())
}

export function handleEvents(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  token: string | null,
  deps: EventsDeps,
  headers: Record<string, string>,
): void {
  if (req.method !== 'GET') {
    res.writeHead(405, { ...headers, Allow: 'GET', 'Content-Type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Use GET for /api/events.' } }))
    return
  }
  if (deps.scopeFor(token) === undefined) {
    res.writeHead(401, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    res.end(JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } }))
    return
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  })
  // The first line tells the client the stream is up (and where the feed stands) before any change.
  res.write(`: connected ${deps.feed.lastSeq}\n\n`)
  req.socket.setNoDelay(true)
  req.socket.setTimeout(0)

  let open = true
  const close = () => {
    if (!open) return
    open = false
    clearInterval(heartbeat)
    unsubscribe()
    res.end()
  }
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), deps.heartbeatMs ?? HEARTBEAT_MS)
  const unsubscribe = deps.feed.subscribe(
    {
      scope: () => (open ? deps.scopeFor(token) : undefined),
      send: (event) => {
        res.write(formatEvent(event))
      },
      // The session ended (signed out, deactivated, timed out): the stream ends; the client's
      // reconnect then gets its 401.
      drop: close,
    },
    lastEventId(req.headers),
  )
  req.on('close', close)
  res.on('error', close)
}
