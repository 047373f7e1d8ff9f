/** protocol, net, session, safeStorage: what main asks of the platform below its windows. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { World } from './world'
import type { Double } from './types'
import type { WebContentsDouble } from './window'

/** One answer of a protocol handler, as the checks read them (every app:// response). */
export interface ProtocolResponse {
  url: string
  status: number
  headers: Record<string, string>
}

export class ProtocolDouble implements Double<
  Electron.Protocol,
  'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'
> {
  readonly privileged: Electron.CustomScheme[] = []
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>()
  readonly responses: ProtocolResponse[] = []

  constructor(private readonly world: World) {}

  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    this.world.record('protocol.registerSchemesAsPrivileged', [customSchemes])
    if (this.world.app.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    this.privileged.push(...structuredClone(customSchemes))
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.world.record('protocol.handle', [scheme])
    if (!this.world.app.isReady()) throw new Error('protocol.handle must be called after app is ready')
    if (this.handlers.has(scheme)) throw new Error(`Protocol '${scheme}' is already handled`)
    this.handlers.set(scheme, handler)
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme)
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme)
  }

  /** A request for `scheme://…` reaching main's handler; null when no handler serves the scheme. */
  async request(request: Request): Promise<Response | null> {
    const scheme = new URL(request.url).protocol.slice(0, -1)
    const handler = this.handlers.get(scheme)
    if (!handler) return null
    const response = await handler(request)
    this.responses.push({
      url: request.url,
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
    })
    return response
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export class NetDouble implements Double<Electron.Net, 'fetch'> {
  constructor(private readonly world: World) {}

  /**
   * Electron's `net.fetch` reads `file:` URLs (what main's protocol handler uses). The double goes
   * nowhere else: a test machine must not reach the network, and main has no reason to.
   */
  async fetch(input: string | Request): Promise<Response> {
    const url = typeof input === 'string' ? input : input.url
    this.world.record('net.fetch', [url])
    if (!url.startsWith('file:'))
      throw new Error(`The Electron double's net.fetch serves file: URLs only, not ${url}`)
    const file = fileURLToPath(url)
    let body: Buffer
    try {
      body = await fs.promises.readFile(file)
    } catch {
      throw new Error('net::ERR_FILE_NOT_FOUND')
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': type, 'Content-Length': String(body.length) },
    })
  }
}

export type Permission = Parameters<
  NonNullable<Parameters<Electron.Session['setPermissionCheckHandler']>[0]>
>[1]
type RequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0]
type CheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0]

export class SessionDouble implements Double<
  Electron.Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> {
  requestHandler: RequestHandler = null
  checkHandler: CheckHandler = null

  constructor(private readonly world: World) {}

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.world.record('session.setPermissionRequestHandler', [])
    this.requestHandler = handler
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.world.record('session.setPermissionCheckHandler', [])
    this.checkHandler = handler
  }

  /** A page asking for a permission: Electron grants it when no handler is set. */
  request(webContents: WebContentsDouble, permission: Permission, requestingUrl: string): Promise<boolean> {
    const handler = this.requestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) =>
      handler(webContents as unknown as Electron.WebContents, permission as never, resolve, {
        requestingUrl,
        isMainFrame: true,
      } as Electron.PermissionRequest),
    )
  }

  check(webContents: WebContentsDouble, permission: Permission, origin: string): boolean {
    const handler = this.checkHandler
    if (!handler) return true
    return handler(webContents as unknown as Electron.WebContents, permission, origin, {
      requestingUrl: origin,
      isMainFrame: true,
      embeddingOrigin: origin,
    } as Electron.PermissionCheckHandlerHandlerDetails)
  }
}

/**
 * The OS keychain stands behind Electron's safeStorage: here one random key per user-data folder,
 * kept for the life of the test process, so a second start of the desk on the same folder reads
 * what the first wrote, and another folder cannot.
 */
const keychain = new Map<string, Buffer>()

export class SafeStorageDouble implements Double<
  Electron.SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
> {
  available = true

  constructor(private readonly world: World) {}

  private key(): Buffer {
    const folder = this.world.options.userData
    if (!keychain.has(folder)) keychain.set(folder, crypto.randomBytes(32))
    return keychain.get(folder)!
  }

  isEncryptionAvailable(): boolean {
    return this.available
  }

  getSelectedStorageBackend(): 'gnome_libsecret' {
    return 'gnome_libsecret'
  }

  encryptString(plainText: string): Buffer {
    this.world.record('safeStorage.encryptString', ['<hidden>'])
    if (!this.available)
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString.')
    const iv = crypto.randomBytes(12)
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key(), iv)
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body])
  }

  decryptString(encrypted: Buffer): string {
    this.world.record('safeStorage.decryptString', [])
    if (!this.available)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    const iv = encrypted.subarray(3, 15)
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key(), iv)
    decipher.setAuthTag(encrypted.subarray(15, 31))
    try {
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8')
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    }
  }
}
