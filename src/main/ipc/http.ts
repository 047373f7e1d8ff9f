/**
 * Browser mode's transport: a loopback-only HTTP server. `POST /api/<channel>` with a JSON body and
 * `Authorization: Bearer <token>`; every other GET serves the built renderer. Requests whose Origin
 * or Host is not this server are refused, so no web page can call into a hospital's data
 * (cross-site requests and DNS rebinding alike).
 */
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { HTTP_STATUS, type Envelope, type ErrorBody } from '../../shared/errors'
import type { Dispatcher } from './dispatcher'
import { handleEvents, type EventsDeps } from './events'
import { staticPath } from './staticPath'

export const MAX_BODY_BYTES = 1024 * 1024

/**
 * What a slow or greedy client may hold. Headers must arrive within 10 s and the whole request
 * within 15 s (checked every second, not Node's default 30 s, so a half-sent body is dropped in
 * seconds, not 60–90 s); an idle connection closes after 20 s. The cap on connections keeps one
 * program opening sockets from starving every desk: far above what the desks of a hospital open.
 */
export const LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  idleTimeoutMs: 20_000,
  checkEveryMs: 1_000,
  maxConnections: 256,
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

export interface HttpServerOptions {
  dispatcher: Dispatcher
  /** The built renderer (out/renderer); GETs are answered from here. */
  staticDir: string
  port?: number
  /** Tests lower these to see them work in milliseconds. */
  limits?: Partial<typeof LIMITS>
  /** The live feed behind `GET /api/events`; without it that path is 404. */
  events?: EventsDeps
  /**
   * The hub (`serve --lan`): HTTPS with this certificate on every interface, answering only to
   * these names and addresses. Without it: plain HTTP on loopback, never on a network interface.
   */
  lan?: { key: string; cert: string; names: string[]; display: string; listen?: string }
}

export interface RunningServer {
  server: http.Server | https.Server
  port: number
  url: string
  close(): Promise<void>
}

function send(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

function fail(res: http.ServerResponse, error: ErrorBody, status = HTTP_STATUS[error.code]): void {
  send(res, status, { ok: false, error })
}

/**
 * Host must name this server; Origin, when sent, must be this server's own. Loopback browser mode
 * answers to 127.0.0.1 and localhost over http; the hub to its own names and addresses over https.
 */
export function isAllowedRequest(
  headers: http.IncomingHttpHeaders,
  port: number,
  lan?: { names: string[] },
): boolean {
  const hosts = new Set(
    lan ? lan.names.map((n) => `${n.toLowerCase()}:${port}`) : [`127.0.0.1:${port}`, `localhost:${port}`],
  )
  const scheme = lan ? 'https' : 'http'
  const host = headers.host?.toLowerCase()
  if (!host || !hosts.has(host)) return false
  const origin = headers.origin
  if (origin === undefined) return true
  return [...hosts].some((h) => origin.toLowerCase() === `${scheme}://${h}`)
}

/** The body, or 'too-large' as soon as it passes the limit (the rest is never read). */
function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData)
        req.pause()
        chunks.length = 0
        return resolve('too-large')
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** 413 at once, and the connection closed: a client sending too much is not read to its end. */
function tooLarge(res: http.ServerResponse): void {
  res.shouldKeepAlive = false
  fail(res, { code: 'VALIDATION', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` }, 413)
  res.once('finish', () => res.req.socket.destroySoon())
}

/** A client that went away mid-request: nothing to answer, one line to log. */
function isAborted(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code
  return (
    code === 'ECONNRESET' ||
    code === 'ECONNABORTED' ||
    code === 'EPIPE' ||
    (err as Error)?.message === 'aborted'
  )
}

function bearer(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization
  if (!header) return null
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header)
  return match ? match[1]! : null
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  dispatcher: Dispatcher,
  channel: string,
) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return fail(res, { code: 'VALIDATION', message: 'Use POST for /api/ channels.' })
  }
  const contentType = req.headers['content-type'] ?? ''
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) return tooLarge(res)
  const body = await readBody(req)
  if (body === 'too-large') return tooLarge(res)
  let input: unknown = {}
  if (body.length > 0) {
    if (!/^application\/json\b/i.test(contentType)) {
      return fail(res, {
        code: 'VALIDATION',
        message: 'The request body must be JSON (Content-Type: application/json).',
      })
    }
    try {
      input = JSON.parse(body.toString('utf8'))
    } catch {
      return fail(res, { code: 'VALIDATION', message: 'The request body is not valid JSON.' })
    }
  }
  const envelope = await dispatcher.call(channel, input, bearer(req), req.socket.remoteAddress ?? 'unknown')
  send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope)
}

function serveStatic(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  staticDir: string,
  pathname: string,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' })
    return res.end()
  }
  const root = path.resolve(staticDir)
  let file = staticPath(root, pathname)
  if (file === null) {
    res.writeHead(400, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    return res.end('This address is not valid.')
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
  if (!fs.existsSync(file)) {
    res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    return res.end('The desk has not been built yet: run `npm run build`.')
  }
  const data = fs.readFileSync(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.includes(`${path.sep}assets${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'Content-Length': data.length,
  })
  res.end(req.method === 'HEAD' ? undefined : data)
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  let port = options.port ?? 0
  const limits = { ...LIMITS, ...options.limits }
  const lan = options.lan
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      try {
        if (!isAllowedRequest(req.headers, port, lan)) {
          return fail(res, {
            code: 'FORBIDDEN',
            message: 'Requests from other origins or hosts are refused.',
          })
        }
        const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
        if (lan) res.setHeader('Strict-Transport-Security', 'max-age=31536000')
        if (url.pathname === '/api/events' && options.events) {
          return handleEvents(req, res, bearer(req), options.events, SECURITY_HEADERS)
        }
        if (url.pathname.startsWith('/api/')) {
          return await handleApi(req, res, options.dispatcher, url.pathname.slice('/api/'.length))
        }
        serveStatic(req, res, options.staticDir, url.pathname)
      } catch (err) {
        if (isAborted(err)) {
          console.warn(`[rapidcare] a client closed its request to ${req.url?.slice(0, 80)} early`)
          return void res.destroy()
        }
        console.error('[rapidcare] http request failed:', err)
        if (!res.headersSent)
          fail(res, { code: 'INTERNAL', message: 'Something went wrong inside the desk.' })
        else res.end()
      }
    })()
  }
  const timeouts = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkEveryMs,
  }
  const server = lan
    ? https.createServer({ key: lan.key, cert: lan.cert, minVersion: 'TLSv1.2', ...timeouts }, handler)
    : http.createServer(timeouts, handler)
  // The live feed (GET /api/events) lifts the idle timeout for its own long-lived connection.
  server.timeout = limits.idleTimeoutMs
  server.maxConnections = limits.maxConnections
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, lan ? (lan.listen ?? '0.0.0.0') : '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolve({
        server,
        port,
        url: lan ? `https://${lan.display}:${port}` : `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
