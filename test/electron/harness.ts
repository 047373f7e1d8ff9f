/**
 * Runs the BUILT Electron half (out/main/index.js, out/preload/index.js) unchanged, with `electron`
 * resolved to the typed double, and a real Chromium page (Playwright) as each BrowserWindow:
 *
 * - app:// has no meaning to a stock Chromium, so each standard scheme main registers is carried on
 *   https://<host>.<scheme>.electron-scheme.invalid, every request to it is answered by the handler
 *   main gave `protocol.handle`, and every URL main sees (sender frames, navigations) is the app:// one;
 * - the preload runs in each page before the page's scripts, its ipcRenderer reaching main's
 *   `ipcMain.handle` handlers with the sender and the sender frame set as Electron sets them;
 * - main's will-navigate / will-redirect / window-open / permission handlers decide what Chromium
 *   may do; nothing ever reaches the network (a foreign page the window is let through to is a stub).
 */
import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Frame, Page, Request, Route } from '@playwright/test'
import { keyFromRecoveryCode, type DatabaseKey } from '../../src/main/db/key'
import { openDatabase, type DB } from '../../src/main/db/open'
import { wrappedKeyPath } from '../../src/main/electron/keyStore'
import { electronEvent } from './double/types'
import { WebFrameMainDouble, type BrowserWindowDouble } from './double/window'
import { World, type MainModule, type WindowHost } from './double/world'
import type { Permission } from './double/platform'
import { pageBootstrap, type BootstrapArgs } from './pageBootstrap'

export const REPO = path.resolve(__dirname, '..', '..')
const SCHEME_SUFFIX = '.electron-scheme.invalid'
const ELECTRON_ID = '\0electron-double'
const requireHere = createRequire(__filename)
/** What stands in for any page that is not the desk's: nothing is ever fetched from the network. */
const FOREIGN_PAGE = '<!doctype html><title>Not the desk</title><p>A page that is not the desk.</p>'

/** Permissions a page could ask for, asked of main's handler for each window (Electron's names). */
const PERMISSIONS: { electron: Permission; chromium: string[] }[] = [
  { electron: 'geolocation', chromium: ['geolocation'] },
  { electron: 'notifications', chromium: ['notifications'] },
  { electron: 'media', chromium: ['camera', 'microphone'] },
  { electron: 'midi', chromium: ['midi'] },
  { electron: 'clipboard-read', chromium: ['clipboard-read'] },
]

let loadingWorld: World | null = null
let resolverInstalled = false

/** `require('electron')` from the module being loaded resolves to the double of the world loading it. */
function installResolver(): void {
  if (resolverInstalled) return
  resolverInstalled = true
  const M = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string }
  const original = M._resolveFilename
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'electron' && loadingWorld) return ELECTRON_ID
    return original.call(this, request, ...rest)
  }
}

export interface HarnessOptions {
  browser: Browser
  /** The build to run (default: the repository's out/). Mutation tests point at a patched copy. */
  outDir?: string
  /** The user-data folder (default: a new temporary one). A second instance passes the first's. */
  userData?: string
  packaged?: boolean
  /** Environment variables set while main's module loads (e.g. ELECTRON_RENDERER_URL). */
  env?: Record<string, string>
}

export interface WindowPage {
  win: BrowserWindowDouble
  page: Page
  /** Navigations main started itself (loadURL, reload): Electron asks will-navigate only of the page's own. */
  expected: Set<string>
  loaded: Promise<void>
}

export interface NavigationDecision {
  kind: 'will-navigate' | 'will-redirect'
  url: string
  prevented: boolean
}

export class ElectronHarness implements WindowHost {
  readonly world: World
  readonly electron: MainModule
  readonly outDir: string
  readonly userData: string
  context!: BrowserContext
  readonly pages = new Map<BrowserWindowDouble, WindowPage>()
  private readonly byPage = new Map<Page, WindowPage>()
  private readonly frames = new WeakMap<Frame, WebFrameMainDouble>()
  readonly pageErrors: string[] = []
  readonly consoleErrors: string[] = []
  /** Requests the harness refused because no handler of main answers them (never sent anywhere). */
  readonly blocked: string[] = []
  /** Foreign pages main let the window show (a stub stands in for them). */
  readonly foreignLoads: string[] = []
  readonly navigations: NavigationDecision[] = []
  readonly windowOpens: { url: string; action: string }[] = []
  private readonly popupRequests: string[] = []
  readonly permissionAnswers = new Map<Permission, boolean>()

  private constructor(private readonly options: HarnessOptions) {
    this.outDir = options.outDir ?? path.join(REPO, 'out')
    this.userData = options.userData ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rc-electron-'))
    const docs = path.join(this.userData, '..', `${path.basename(this.userData)}-documents`)
    fs.mkdirSync(docs, { recursive: true })
    const version = (
      JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }
    ).version
    this.world = new World(
      {
        userData: this.userData,
        paths: {
          userData: this.userData,
          appData: path.dirname(this.userData),
          documents: docs,
          home: os.homedir(),
          temp: os.tmpdir(),
          logs: path.join(this.userData, 'logs'),
        },
        packaged: options.packaged ?? false,
        version,
        appPath: path.dirname(this.outDir),
        argv: ['rapidcare-desk'],
      },
      this,
    )
    this.electron = this.world.mainModule()
  }

  static async launch(options: HarnessOptions): Promise<ElectronHarness> {
    const harness = new ElectronHarness(options)
    await harness.start()
    return harness
  }

  get dbPath(): string {
    return path.join(this.userData, 'rapidcare.sqlite')
  }

  /** The key main keeps wrapped by the (double's) keychain beside the database; null if it keeps none. */
  databaseKey(): DatabaseKey | null {
    const file = wrappedKeyPath(this.dbPath)
    if (!fs.existsSync(file)) return null
    return keyFromRecoveryCode(this.world.safeStorage.decryptString(fs.readFileSync(file)))
  }

  /** The desk's database (or a copy of it), opened read-only with main's key, for checks. */
  openDatabase(file = this.dbPath): DB {
    return openDatabase(file, { readonly: true, key: this.databaseKey() })
  }

  private async start(): Promise<void> {
    this.context = await this.options.browser.newContext({ serviceWorkers: 'block' })
    await this.context.route('**/*', (route, request) => this.route(route, request))
    this.loadMain()
    this.world.app.markReady()
    // main's whenReady callback runs on the next turn.
    await new Promise((r) => setImmediate(r))
  }

  /** Load the built main afresh (as a new process would), `electron` being this world's double. */
  private loadMain(): void {
    installResolver()
    for (const key of Object.keys(require.cache))
      if (key.startsWith(this.outDir + path.sep)) delete require.cache[key]
    const electron = new Module(ELECTRON_ID)
    electron.exports = this.electron
    electron.loaded = true
    require.cache[ELECTRON_ID] = electron
    const saved: Record<string, string | undefined> = {}
    for (const [k, v] of Object.entries(this.options.env ?? {})) {
      saved[k] = process.env[k]
      process.env[k] = v
    }
    loadingWorld = this.world
    try {
      requireHere(path.join(this.outDir, 'main', 'index.js'))
    } finally {
      loadingWorld = null
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  }

  /** The first window main opened, once its first page has loaded. */
  async window(): Promise<WindowPage> {
    for (let i = 0; i < 200 && this.pages.size === 0; i++) await new Promise((r) => setTimeout(r, 25))
    const first = [...this.pages.values()][0]
    if (!first) throw new Error('main opened no window')
    await first.loaded
    return first
  }

  // ---- URLs: app://desk/x as main sees it, https://desk.app.electron-scheme.invalid/x in Chromium

  toChromium(url: string): string {
    const u = new URL(url)
    const scheme = u.protocol.slice(0, -1)
    const registered = this.world.protocol.privileged.find((s) => s.scheme === scheme)
    if (!registered) return url
    if (!registered.privileges?.standard)
      throw new Error(
        `${scheme}:// is not registered as a standard scheme: its relative URLs would not resolve`,
      )
    return `https://${u.host}.${scheme}${SCHEME_SUFFIX}${u.pathname}${u.search}${u.hash}`
  }

  toElectron(url: string): string {
    let u: URL
    try {
      u = new URL(url)
    } catch {
      return url
    }
    if (!u.hostname.endsWith(SCHEME_SUFFIX)) return url
    const name = u.hostname.slice(0, -SCHEME_SUFFIX.length)
    const dot = name.lastIndexOf('.')
    return `${name.slice(dot + 1)}://${name.slice(0, dot)}${u.pathname}${u.search}${u.hash}`
  }

  // ---- WindowHost: what the double's BrowserWindow asks of the real page

  async open(win: BrowserWindowDouble): Promise<void> {
    const prefs = win.options.webPreferences ?? {}
    const page = await this.context.newPage()
    let markLoaded!: () => void
    let failLoad!: (err: Error) => void
    const loaded = new Promise<void>((resolve, reject) => {
      markLoaded = resolve
      failLoad = reject
    })
    loaded.catch(() => {})
    const wp: WindowPage = { win, page, expected: new Set(), loaded }
    win.webContents.once('did-finish-load', () => markLoaded())
    win.webContents.once('did-fail-load', (_e: unknown, _code: number, description: string, url: string) =>
      failLoad(new Error(`The window could not load ${url}: ${description}`)),
    )
    this.pages.set(win, wp)
    this.byPage.set(page, wp)
    await page.setViewportSize({ width: win.options.width ?? 800, height: win.options.height ?? 600 })
    await page.exposeBinding('__rcDoubleInvoke', ({ frame }, channel: string, args: unknown[]) =>
      this.world.ipcMain.invoke(win.webContents, this.frameOf(wp, frame), channel, args),
    )
    await page.exposeBinding('__rcDoubleSend', ({ frame }, channel: string, args: unknown[]) => {
      const senderFrame = this.frameOf(wp, frame)
      const event = electronEvent({ sender: win.webContents, senderFrame, frameId: senderFrame.routingId })
      this.world.ipcMain.emit(channel, event, ...structuredClone(args))
    })
    if (prefs.preload) {
      // A preload outside the sandbox would have Node: this harness (like the desk) runs sandboxed ones only.
      if (prefs.sandbox !== true) throw new Error('The harness runs sandboxed preloads only (sandbox: true)')
      const args: BootstrapArgs = {
        contextIsolation: prefs.contextIsolation !== false,
        subFrames: prefs.nodeIntegrationInSubFrames === true,
        preloadPath: prefs.preload,
      }
      const source = fs.readFileSync(prefs.preload, 'utf8')
      await page.addInitScript({
        content: `(${pageBootstrap.toString()})(${JSON.stringify(args)}, function (exports, require, module) {\n${source}\n});`,
      })
    }
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return
      win.webContents.mainFrame.url = this.toElectron(frame.url())
      win.webContents.emit('did-navigate', electronEvent({}), win.webContents.mainFrame.url)
    })
    page.on('popup', (popup) => void this.windowOpen(win, popup))
    page.on('pageerror', (err) => this.pageErrors.push(err.message))
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text())
    })
    for (const { electron, chromium } of PERMISSIONS) {
      const granted = await this.world.session.request(win.webContents, electron, '')
      this.permissionAnswers.set(electron, granted)
      if (granted) await this.context.grantPermissions(chromium)
    }
  }

  async load(win: BrowserWindowDouble, url: string, how: { reload?: boolean } = {}): Promise<void> {
    await win.opened
    const wp = this.pages.get(win)
    if (!wp) throw new Error('The window has no page')
    const target = this.toChromium(url)
    wp.expected.add(target)
    if (how.reload) await wp.page.reload()
    else await wp.page.goto(target)
  }

  async focus(win: BrowserWindowDouble): Promise<void> {
    await win.opened
    await this.pages.get(win)?.page.bringToFront()
  }

  async close(win: BrowserWindowDouble): Promise<void> {
    await win.opened.catch(() => {})
    await this.pages.get(win)?.page.close()
  }

  async printToPdf(win: BrowserWindowDouble, options: Electron.PrintToPDFOptions): Promise<Buffer> {
    const page = this.pages.get(win)!.page
    return page.pdf({
      printBackground: options.printBackground,
      landscape: options.landscape,
      format: typeof options.pageSize === 'string' ? options.pageSize : undefined,
    })
  }

  deliver(win: BrowserWindowDouble, channel: string, args: unknown[]): void {
    const page = this.pages.get(win)?.page
    void page
      ?.mainFrame()
      .evaluate(
        ([c, a]) =>
          (
            globalThis as unknown as { __rcDoubleDeliver?: (c: string, a: unknown[]) => void }
          ).__rcDoubleDeliver?.(c as string, a as unknown[]),
        [channel, args] as const,
      )
      .catch(() => {})
  }

  // ---- What Chromium wants to do, decided by main

  private frameOf(wp: WindowPage, frame: Frame): WebFrameMainDouble {
    let double = frame === wp.page.mainFrame() ? wp.win.webContents.mainFrame : this.frames.get(frame)
    if (!double) {
      double = new WebFrameMainDouble('', this.world.nextId() * 1000, wp.win.webContents.id, false)
      this.frames.set(frame, double)
    }
    double.url = this.toElectron(frame.url())
    return double
  }

  /** Electron's will-navigate / will-redirect: true when main refused the navigation. */
  private refused(wp: WindowPage, kind: NavigationDecision['kind'], url: string): boolean {
    const frame = wp.win.webContents.mainFrame
    const event = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame, initiator: frame })
    wp.win.webContents.emit(kind, event, url, false, true, frame.processId, frame.routingId)
    this.navigations.push({ kind, url, prevented: event.defaultPrevented })
    return event.defaultPrevented
  }

  private async route(route: Route, request: Request): Promise<void> {
    const url = request.url()
    let frame: Frame | null
    try {
      frame = request.frame()
    } catch {
      // A service worker's request has no frame.
      frame = null
    }
    const wp = frame ? this.byPage.get(frame.page()) : undefined
    if (!wp && request.isNavigationRequest()) {
      // A popup's first load (its frame may not exist yet): main's window-open handler decides, on 'popup'.
      this.popupRequests.push(url)
      return route.abort('blockedbyclient')
    }
    if (!frame || !wp) {
      // A worker's request: nothing of main serves it.
      this.blocked.push(url)
      return route.abort('blockedbyclient')
    }
    const electronUrl = this.toElectron(url)
    const mainFrameNavigation = request.isNavigationRequest() && frame === wp.page.mainFrame()
    if (mainFrameNavigation) {
      if (wp.expected.has(url)) {
        wp.expected.delete(url)
      } else if (this.refused(wp, 'will-navigate', electronUrl)) {
        return route.abort('aborted')
      }
    }
    if (electronUrl === url) {
      if (!mainFrameNavigation) {
        this.blocked.push(url)
        return route.abort('blockedbyclient')
      }
      this.foreignLoads.push(url)
      return route.fulfill({ status: 200, contentType: 'text/html', body: FOREIGN_PAGE })
    }
    return this.serveFromProtocol(route, request, electronUrl, mainFrameNavigation ? wp : null)
  }

  /**
   * Answer from main's protocol handler. Chromium follows a redirect that an intercepted request is
   * answered with without asking the route again (it would go to the network), so the harness
   * follows redirects itself: will-redirect for a navigation, then the target's answer, served in
   * place of the redirect (the page keeps the first URL: a difference from Electron that no check
   * reads).
   */
  private async serveFromProtocol(
    route: Route,
    request: Request,
    electronUrl: string,
    navigating: WindowPage | null,
  ): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(await request.allHeaders()).filter(([k]) => !k.startsWith(':')),
    )
    let method = request.method()
    let body = method === 'GET' || method === 'HEAD' ? undefined : (request.postDataBuffer() ?? undefined)
    let url = electronUrl
    for (let hops = 0; hops < 5; hops++) {
      let response: Response | null
      try {
        response = await this.world.protocol.request(new globalThis.Request(url, { method, headers, body }))
      } catch (err) {
        this.pageErrors.push(`protocol handler failed for ${url}: ${(err as Error).message}`)
        return route.abort('failed')
      }
      if (!response) {
        this.blocked.push(url)
        return route.abort('failed')
      }
      const location = response.headers.get('location')
      if (response.status < 300 || response.status >= 400 || !location) {
        return route.fulfill({
          status: response.status,
          headers: Object.fromEntries(response.headers.entries()),
          body: Buffer.from(await response.arrayBuffer()),
        })
      }
      url = new URL(location, url).toString()
      if (navigating && this.refused(navigating, 'will-redirect', url)) return route.abort('aborted')
      if (this.toChromium(url) === url) {
        // Redirected off the app's schemes: never fetched.
        if (!navigating) {
          this.blocked.push(url)
          return route.abort('blockedbyclient')
        }
        this.foreignLoads.push(url)
        return route.fulfill({ status: 200, contentType: 'text/html', body: FOREIGN_PAGE })
      }
      if (response.status !== 307 && response.status !== 308) {
        method = 'GET'
        body = undefined
      }
    }
    this.pageErrors.push(`too many redirects from ${electronUrl}`)
    return route.abort('failed')
  }

  /** The desk's page opened another (window.open, target=_blank): main's window-open handler decides. */
  private async windowOpen(win: BrowserWindowDouble, popup: Page): Promise<void> {
    for (let i = 0; i < 100 && this.popupRequests.length === 0 && popup.url() === 'about:blank'; i++)
      await new Promise((r) => setTimeout(r, 20))
    const url = this.toElectron(this.popupRequests.shift() ?? popup.url())
    const handler = win.webContents.windowOpenHandler
    const decision = handler
      ? handler({
          url,
          frameName: '',
          features: '',
          disposition: 'new-window',
          referrer: { url: win.webContents.getURL(), policy: 'strict-origin-when-cross-origin' },
        })
      : { action: 'allow' as const }
    this.windowOpens.push({ url, action: decision.action })
    // Its load was held back; a page main allowed would become a window, which the double has not got.
    await popup.close()
  }

  // ---- What a person does outside the page

  /** Click a menu item of the application menu by its labels, as Electron calls it. */
  clickMenu(labels: string[]): void {
    const menu = this.world.menu.getApplicationMenu()
    const item = menu?.find(labels)
    if (!item) throw new Error(`The application menu has no ${labels.join(' → ')}`)
    const focused = [...this.world.windows].find((w) => w.isFocused()) ?? [...this.world.windows][0]
    item.click(focused)
  }

  /** Quit (File → Quit) and wait for the windows to close. */
  async quit(): Promise<void> {
    if (this.world.app.exitCode === null) this.world.app.quit()
    for (const wp of this.pages.values())
      if (!wp.page.isClosed()) await wp.page.waitForEvent('close').catch(() => {})
  }

  async dispose(): Promise<void> {
    if (this.world.app.exitCode === null) this.world.app.quit()
    await this.context.close().catch(() => {})
  }
}
