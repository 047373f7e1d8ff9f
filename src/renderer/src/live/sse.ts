/**
 * Browser mode's live feed: `GET /api/events` read with fetch, because EventSource cannot send the
 * Authorization header (and the token must not go in the URL, where logs and history keep it).
 * eventsource-parser does the parsing; this file only connects, resumes and reconnects.
 */
import { createParser } from 'eventsource-parser'
import { isChangeEvent, type ChangeEvent } from '../../../shared/live'

export interface SseHandlers {
  onOpen(): void
  onEvent(event: ChangeEvent): void
}

/** Silence longer than two missed heartbeats (15 s each) means the link is dead, even without a close. */
export const SILENCE_MS = 35_000

/** Retry quickly at first, then every few seconds: a hub restart takes a second or two. */
export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 4000)
}

/**
 * Connect once and read until the stream ends. Resolves when it ends (whatever the reason);
 * `lastId` is read at connect time and updated as events arrive.
 */
export async function readStream(options: {
  url: string
  token: string
  lastId: () => string | null
  setLastId: (id: string) => void
  handlers: SseHandlers
  signal: AbortSignal
}): Promise<'ended' | 'unauthorised' | 'unreachable'> {
  const headers: Record<string, string> = {
    Accept: 'text/event-stream',
    Authorization: `Bearer ${options.token}`,
  }
  const last = options.lastId()
  if (last) headers['Last-Event-ID'] = last
  const watchdog = new AbortController()
  const abort = () => watchdog.abort()
  options.signal.addEventListener('abort', abort)
  let silence: ReturnType<typeof setTimeout> | undefined
  const heard = () => {
    clearTimeout(silence)
    silence = setTimeout(abort, SILENCE_MS)
  }
  try {
    const response = await fetch(options.url, { headers, cache: 'no-store', signal: watchdog.signal })
    if (response.status === 401) return 'unauthorised'
    if (!response.ok || !response.body) return 'unreachable'
    heard()
    options.handlers.onOpen()
    const parser = createParser({
      onEvent: (message) => {
        if (message.event !== 'change') return
        let data: unknown
        try {
          data = JSON.parse(message.data)
        } catch {
          return
        }
        if (message.id) options.setLastId(message.id)
        if (isChangeEvent(data)) options.handlers.onEvent(data)
      },
    })
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return 'ended'
      heard()
      parser.feed(value)
    }
  } catch {
    return 'unreachable'
  } finally {
    clearTimeout(silence)
    options.signal.removeEventListener('abort', abort)
  }
}
