/** A raw Server-Sent Events reader for tests: every header under the test's control, over HTTP or HTTPS. */
import http from 'node:http'
import https from 'node:https'
import type { ChangeEvent } from '../src/shared/live'

export interface StreamEvent {
  id: string | undefined
  event: string | undefined
  data: ChangeEvent
}

export interface OpenStream {
  status: number
  headers: http.IncomingHttpHeaders
  /** The body of a refused request. */
  body: string
  events: StreamEvent[]
  comments: string[]
  /** True once the server ended the response. */
  ended: boolean
  waitFor(predicate: (events: StreamEvent[]) => boolean, ms?: number): Promise<StreamEvent[]>
  close(): void
}

export function openStream(options: {
  port: number
  token?: string
  lastEventId?: string
  host?: string
  headers?: Record<string, string>
  /** HTTPS options (ca, checkServerIdentity, servername…); plain HTTP without. */
  tls?: https.RequestOptions
}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      Host: options.host ?? `127.0.0.1:${options.port}`,
      Accept: 'text/event-stream',
      ...options.headers,
    }
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId
    const request = options.tls ? https.request : http.request
    const req = request(
      {
        ...options.tls,
        host: '127.0.0.1',
        port: options.port,
        method: 'GET',
        path: '/api/events',
        headers,
      },
      (res) => {
        const stream: OpenStream = {
          status: res.statusCode!,
          headers: res.headers,
          body: '',
          events: [],
          comments: [],
          ended: false,
          waitFor: (predicate, ms = 3000) =>
            new Promise((done, fail) => {
              const started = Date.now()
              const look = () => {
                if (predicate(stream.events)) return done(stream.events)
                if (Date.now() - started > ms)
                  return fail(new Error(`no such event within ${ms} ms: ${JSON.stringify(stream.events)}`))
                setTimeout(look, 10)
              }
              look()
            }),
          close: () => req.destroy(),
        }
        let buffer = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          if (res.statusCode !== 200) {
            stream.body += chunk
            return
          }
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const fields: Record<string, string> = {}
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) stream.comments.push(line.slice(1).trim())
              else {
                const i = line.indexOf(':')
                fields[line.slice(0, i)] = line.slice(i + 1).trimStart()
              }
            }
            if (fields.data)
              stream.events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) })
          }
        })
        res.on('end', () => (stream.ended = true))
        res.on('close', () => (stream.ended = true))
        res.on('error', () => {})
        resolve(stream)
      },
    )
    req.on('error', reject)
    req.end()
  })
}
