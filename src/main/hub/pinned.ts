/**
 * HTTPS to the hub with its certificate pinned by SHA-256 fingerprint: what a connected desk's main
 * uses instead of its own database. The hub's certificate is self-signed, so no CA vouches for it;
 * the fingerprint the hub printed (and the admin read out) does.
 *
 * How: one TLS handshake that sends nothing reads the hub's certificate and compares its
 * fingerprint; only then is that certificate trusted as the sole CA of an agent whose
 * checkServerIdentity compares the fingerprint again on every connection. A wrong certificate
 * therefore never receives a byte of a request (no token, no patient data).
 */
import https from 'node:https'
import tls from 'node:tls'
import net from 'node:net'
import type { IncomingMessage } from 'node:http'

/** `AA:BB:…` (64 hex digits), from what a person typed: colons, spaces or none, any case. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase()
  if (!/^[0-9A-F]{64}$/.test(hex)) return null
  return hex.match(/../g)!.join(':')
}

export class PinError extends Error {}

export interface HubAddress {
  /** `https://HOST:PORT` as the hub printed it. */
  url: URL
  fingerprint: string
}

export function hubAddress(url: string, fingerprint: string): HubAddress {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PinError(`The hub's address must look like https://desk-1.hospital.lan:8443, not ${url}`)
  }
  if (parsed.protocol !== 'https:')
    throw new PinError('The hub is reached over HTTPS only: its address starts with https://')
  const pinned = normaliseFingerprint(fingerprint)
  if (!pinned) throw new PinError('The fingerprint must be the 64 hex digits the hub printed (AA:BB:…)')
  return { url: new URL(parsed.origin), fingerprint: pinned }
}

function port(url: URL): number {
  return Number(url.port || 443)
}

/** Read the hub's certificate without sending anything, and accept it only with the pinned fingerprint. */
export function fetchPinnedCertificate(hub: HubAddress, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: hub.url.hostname.replace(/^\[|\]$/g, ''),
      port: port(hub.url),
      servername: net.isIP(hub.url.hostname.replace(/^\[|\]$/g, '')) ? undefined : hub.url.hostname,
      // Self-signed: no CA can vouch; the fingerprint below decides.
      rejectUnauthorized: false,
      timeout: timeoutMs,
    })
    socket.once('secureConnect', () => {
      const cert = socket.getPeerX509Certificate()
      socket.destroy()
      if (!cert) return reject(new PinError(`${hub.url.host} presented no certificate`))
      if (cert.fingerprint256 !== hub.fingerprint)
        return reject(
          new PinError(
            `${hub.url.host} presented a certificate with another fingerprint (${cert.fingerprint256}): refused`,
          ),
        )
      resolve(cert.toString())
    })
    socket.once('timeout', () => {
      socket.destroy()
      reject(new Error(`${hub.url.host} did not answer within ${timeoutMs} ms`))
    })
    socket.once('error', reject)
  })
}

export interface PinnedResponse {
  status: number
  body: string
}

/**
 * How long an idle kept-alive connection is kept: under the hub's keep-alive timeout (Node's 5 s,
 * which http.ts leaves as is). Node's agent keeps an idle socket forever unless told (it reads the
 * server's `Keep-Alive: timeout=5` hint only when the agent has a timeout of its own), so the hub
 * closed idle sockets at 5 s while this side could pick one to send on in that same instant: the
 * "socket hang up" seen once in the hub bench. Closing first on this side removes the race.
 */
export const IDLE_SOCKET_MS = 3_000

/** A client for one hub. The agent is made after the first successful pin check, and again after a failure. */
export class PinnedClient {
  private agent: Promise<https.Agent> | null = null

  constructor(
    readonly hub: HubAddress,
    private readonly timeoutMs = 5000,
    private readonly idleSocketMs = IDLE_SOCKET_MS,
  ) {}

  private getAgent(): Promise<https.Agent> {
    this.agent ??= fetchPinnedCertificate(this.hub, this.timeoutMs).then(
      (ca) =>
        new https.Agent({
          ca,
          keepAlive: true,
          // A free socket's timeout; each request sets its own (below) while it runs.
          timeout: this.idleSocketMs,
          maxSockets: 16,
          checkServerIdentity: (_host, cert) =>
            cert.fingerprint256 === this.hub.fingerprint
              ? undefined
              : new PinError(`${this.hub.url.host} changed its certificate: refused`),
        }),
    )
    this.agent.catch(() => (this.agent = null))
    return this.agent
  }

  private async open(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<IncomingMessage> {
    const agent = await this.getAgent()
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          agent,
          host: this.hub.url.hostname.replace(/^\[|\]$/g, ''),
          port: port(this.hub.url),
          method,
          path,
          headers: { Host: this.hub.url.host, ...headers },
          timeout: 30_000,
        },
        resolve,
      )
      req.once('timeout', () => req.destroy(new Error(`${this.hub.url.host} did not answer in time`)))
      req.once('error', (err) => {
        this.agent = null
        reject(err)
      })
      req.end(body)
    })
  }

  async request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<PinnedResponse> {
    const res = await this.open(method, path, headers, body)
    let text = ''
    res.setEncoding('utf8')
    for await (const chunk of res) text += chunk as string
    return { status: res.statusCode ?? 0, body: text }
  }

  /** A long response (the live feed), handed over as it comes. */
  stream(path: string, headers: Record<string, string>): Promise<IncomingMessage> {
    return this.open('GET', path, headers)
  }

  close(): void {
    void this.agent?.then((a) => a.destroy()).catch(() => {})
    this.agent = null
  }
}
