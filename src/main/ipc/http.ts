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

export const MAX_BODY_BYTES = 1024 * 1024

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

function fail(res: http.ServerResponse, error: ErrorBody): void {
  send(res, HTTP_STATUS[error.code], { ok: false, error })
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

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        tooLarge = true
        chunks.length = 0
        return
      }
      if (!tooLarge) chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)))
    req.on('error', reject)
  })
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
  const body = await readBody(req)
  if (body === 'too-large') {
    return fail(res, {
      code: 'VALIDATION',
      message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    })
  }
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
  const envelope = await dispatcher.call(channel, input, bearer(req))
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
  let file = path.resolve(root, '.' + decodeURIComponent(pathname))
  if (!file.startsWith(root + path.sep) && file !== root) file = path.join(root, 'index.html')
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
        console.error('[rapidcare] http request failed:', err)
        if (!res.headersSent)
          fail(res, { code: 'INTERNAL', message: 'Something went wrong inside the desk.' })
        else res.end()
      }
    })()
  }
  const server = lan
    ? https.createServer({ key: lan.key, cert: lan.cert, minVersion: 'TLSv1.2' }, handler)
    : http.createServer(handler)
  server.requestTimeout = 30_000
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
