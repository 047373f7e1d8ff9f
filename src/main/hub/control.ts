/**
 * What the Electron desk's Settings do with the hospital's network, in plain Node (no Electron
 * import: tested as is, against a real hub): share this desk over HTTPS, stop sharing, join a hub
 * with its fingerprint pinned, leave it. Electron's part is only where the files live and how the
 * app restarts (src/main/index.ts).
 *
 * Joining and leaving restart the desk rather than swap its database under open windows: a desk
 * joined to a hub must have no database of its own open (nothing to diverge), and a restart closes
 * every handle, timer and session of the old mode the one way that cannot forget one.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { HubStatus } from '../../shared/contract/hub'
import { DeskError } from '../../shared/errors'
import type { DeskCore } from '../app'
import { startHttpServer, type RunningServer } from '../ipc/http'
import { scopeForToken } from '../live/scope'
import { loadOrCreateCertificate } from './certificate'
import { HUB_CONFIG_FILE, writeHubConfig } from './config'
import { allowedHostNames, hubNames } from './names'
import { hubAddress, PinError, PinnedClient, type HubAddress } from './pinned'

/** Kept in the user-data folder while this desk shares itself, so a restart shares it again. */
export const SHARE_FILE = 'hub-share.json'

export interface Sharing {
  port: number
  hostName: string | null
}

export interface HubControl {
  status(): HubStatus
  share(input: { port: number; hostName?: string }): Promise<HubStatus>
  unshare(): Promise<HubStatus>
  /** Checks the hub for real (pinned TLS, and it answers as a desk), then joins it and restarts. */
  connect(input: { url: string; fingerprint: string }): Promise<{ restarting: true; host: string }>
  disconnect(): Promise<{ restarting: true }>
}

export interface ControlDeps {
  userData: string
  /** This desk's own core; null when it is connected to a hub. */
  desk: DeskCore | null
  /** The hub it is connected to (hub.json), when connected. */
  connected: HubAddress | null
  /** The built renderer the hub serves to browsers. */
  staticDir: string
  /** Restart the desk (Electron: relaunch, then exit), after the answer has reached the window. */
  restart(): void
  /** Tests shorten the wait for a hub that does not answer. */
  timeoutMs?: number
}

/** Ask the hub something any desk answers without a session: proof that a desk answers there. */
export async function probeHub(hub: HubAddress, timeoutMs = 5000): Promise<void> {
  const client = new PinnedClient(hub, timeoutMs)
  try {
    const res = await client.request('POST', '/api/auth.status', { 'Content-Type': 'application/json' }, '{}')
    let body: { ok?: unknown } | null = null
    try {
      body = JSON.parse(res.body) as { ok?: unknown }
    } catch {
      // below
    }
    if (res.status !== 200 || body?.ok !== true)
      throw new PinError(`${hub.url.host} answers, but not as a RapidCare desk (${res.status})`)
  } finally {
    client.close()
  }
}

/** A failed check, as an error on the field a person would correct. */
function connectError(hub: HubAddress, err: unknown): DeskError {
  if (err instanceof PinError && /another fingerprint|changed its certificate/.test(err.message))
    return DeskError.field(
      'fingerprint',
      `does not match: ${hub.url.host} presented a certificate with another fingerprint. Check it with the hub's Settings; nothing was changed.`,
    )
  if (err instanceof PinError) return DeskError.field('url', `${err.message}. Nothing was changed.`)
  const code = (err as NodeJS.ErrnoException | null)?.code
  const why =
    code === 'ECONNREFUSED'
      ? 'nothing answers on that port'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'this computer cannot find that name on the network'
        : code === 'EPROTO' || /wrong version number|SSL/i.test((err as Error)?.message ?? '')
          ? 'it does not speak HTTPS there'
          : 'it did not answer'
  return DeskError.field('url', `${hub.url.host} cannot be reached: ${why}. Nothing was changed.`)
}

export class DeskHubControl implements HubControl {
  private running: RunningServer | null = null
  private sharing: Sharing | null = null
  private fingerprint: string | null = null

  constructor(private readonly deps: ControlDeps) {}

  private get shareFile(): string {
    return path.join(this.deps.userData, SHARE_FILE)
  }

  status(): HubStatus {
    const { connected } = this.deps
    if (connected)
      return {
        url: null,
        fingerprint: null,
        mode: 'connected',
        control: true,
        sharing: null,
        connectedTo: { url: connected.url.origin, fingerprint: connected.fingerprint },
      }
    return {
      url: this.running?.url ?? null,
      fingerprint: this.running ? this.fingerprint : null,
      mode: this.running ? 'hub' : 'own',
      control: true,
      sharing: this.sharing,
      connectedTo: null,
    }
  }

  private ownDesk(doing: string): DeskCore {
    const { desk, connected } = this.deps
    if (!desk || connected)
      throw new DeskError(
        'CONFLICT',
        `This desk works on the hospital's desk at ${connected?.url.host ?? 'the hub'}: it cannot ${doing}.`,
      )
    return desk
  }

  async share(input: { port: number; hostName?: string }): Promise<HubStatus> {
    const desk = this.ownDesk('be shared itself')
    if (this.running) await this.stop()
    const names = hubNames(input.hostName)
    const certificate = await loadOrCreateCertificate(desk.app.databasePath, names)
    try {
      this.running = await startHttpServer({
        lan: {
          key: certificate.key,
          cert: certificate.cert,
          names: allowedHostNames(names),
          display: input.hostName ?? names.display,
        },
        dispatcher: desk.dispatcher,
        staticDir: this.deps.staticDir,
        port: input.port,
        events: {
          feed: desk.feed,
          scopeFor: (token) => scopeForToken(desk.db, desk.dispatcher.sessions, token),
        },
      })
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE')
        throw DeskError.field(
          'port',
          `${input.port} is in use by another program on this computer: choose another`,
        )
      if (code === 'EACCES') throw DeskError.field('port', `${input.port} may not be used by this account`)
      throw err
    }
    this.fingerprint = certificate.fingerprint
    this.sharing = { port: input.port, hostName: input.hostName ?? null }
    desk.app.hub = { url: this.running.url, fingerprint: certificate.fingerprint }
    fs.writeFileSync(this.shareFile, JSON.stringify(this.sharing) + '\n')
    return this.status()
  }

  /** At start: share again if the desk was shared when it stopped. A failure is reported, not fatal. */
  async resume(): Promise<string | null> {
    if (this.deps.connected || !this.deps.desk || !fs.existsSync(this.shareFile)) return null
    try {
      const saved = JSON.parse(fs.readFileSync(this.shareFile, 'utf8')) as Partial<Sharing>
      if (typeof saved.port !== 'number') return null
      await this.share({ port: saved.port, hostName: saved.hostName ?? undefined })
      return null
    } catch (err) {
      return (err as Error).message
    }
  }

  private async stop(): Promise<void> {
    const running = this.running
    this.running = null
    this.sharing = null
    if (this.deps.desk) delete this.deps.desk.app.hub
    await running?.close()
  }

  async unshare(): Promise<HubStatus> {
    this.ownDesk('stop sharing itself')
    await this.stop()
    fs.rmSync(this.shareFile, { force: true })
    return this.status()
  }

  async connect(input: { url: string; fingerprint: string }): Promise<{ restarting: true; host: string }> {
    if (this.deps.connected)
      throw new DeskError(
        'CONFLICT',
        `This desk already works on the hospital's desk at ${this.deps.connected.url.host}. Leave it first.`,
      )
    if (this.running)
      throw new DeskError(
        'CONFLICT',
        'This desk is the hospital’s hub: stop sharing it first (the other desks work on its data).',
      )
    let hub: HubAddress
    try {
      hub = hubAddress(input.url.includes('://') ? input.url : `https://${input.url}`, input.fingerprint)
    } catch (err) {
      const message = (err as Error).message
      throw DeskError.field(/fingerprint/i.test(message) ? 'fingerprint' : 'url', message)
    }
    try {
      await probeHub(hub, this.deps.timeoutMs)
    } catch (err) {
      throw connectError(hub, err)
    }
    writeHubConfig(path.join(this.deps.userData, HUB_CONFIG_FILE), hub)
    this.deps.restart()
    return { restarting: true, host: hub.url.host }
  }

  async disconnect(): Promise<{ restarting: true }> {
    if (!this.deps.connected)
      throw new DeskError('CONFLICT', 'This desk keeps its own data: it is not joined to a hub.')
    fs.rmSync(path.join(this.deps.userData, HUB_CONFIG_FILE), { force: true })
    this.deps.restart()
    return { restarting: true }
  }

  async close(): Promise<void> {
    await this.stop()
  }
}
