import { EventEmitter } from 'node:events'
import type { World } from './world'
import { electronEvent, type Double } from './types'

/** A frame as main sees it (`event.senderFrame`, `webContents.mainFrame`). */
export class WebFrameMainDouble
  extends EventEmitter
  implements
    Double<
      Electron.WebFrameMain,
      'url' | 'origin' | 'routingId' | 'processId' | 'frameTreeNodeId' | 'name' | 'isDestroyed'
    >
{
  constructor(
    public url: string,
    readonly routingId: number,
    readonly processId: number,
    readonly isMainFrame: boolean,
  ) {
    super()
  }

  get frameTreeNodeId(): number {
    return this.routingId
  }

  get name(): string {
    return this.isMainFrame ? '' : `frame-${this.routingId}`
  }

  /** Electron: the scheme and host of a standard scheme, `null` for an opaque one. */
  get origin(): string {
    try {
      const u = new URL(this.url)
      return u.host ? `${u.protocol}//${u.host}` : 'null'
    } catch {
      return 'null'
    }
  }

  isDestroyed(): boolean {
    return false
  }
}

type WebContentsMembers =
  | 'id'
  | 'loadURL'
  | 'reload'
  | 'getURL'
  | 'send'
  | 'setWindowOpenHandler'
  | 'printToPDF'
  | 'isDestroyed'
  | 'openDevTools'
  | 'isDevToolsOpened'
  | 'focus'
  | 'isLoading'

export class WebContentsDouble
  extends EventEmitter
  implements Double<Electron.WebContents, WebContentsMembers, { mainFrame: WebFrameMainDouble }>
{
  readonly mainFrame: WebFrameMainDouble
  windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null
  private destroyed = false
  private loading = false
  private devToolsOpened = false

  constructor(
    private readonly world: World,
    readonly id: number,
    readonly window: BrowserWindowDouble,
    readonly webPreferences: Electron.WebPreferences,
  ) {
    super()
    this.mainFrame = new WebFrameMainDouble('', id * 1000, id, true)
  }

  loadURL(url: string): Promise<void> {
    this.world.record('webContents.loadURL', [this.id, url])
    const loading = this.load(url)
    // Like Electron, a failed load that main does not await is reported by did-fail-load, not thrown.
    loading.catch(() => {})
    return loading
  }

  private async load(url: string): Promise<void> {
    this.loading = true
    try {
      await this.world.host.load(this.window, url)
    } catch (err) {
      this.emit('did-fail-load', electronEvent({}), -2, (err as Error).message, url, true)
      throw err
    } finally {
      this.loading = false
    }
    this.emit('did-finish-load', electronEvent({}))
  }

  reload(): void {
    this.world.record('webContents.reload', [this.id])
    void this.world.host.load(this.window, this.mainFrame.url, { reload: true })
  }

  getURL(): string {
    return this.mainFrame.url
  }

  isLoading(): boolean {
    return this.loading
  }

  /** To the page's preload, its arguments cloned as Electron's structured clone does. */
  send(channel: string, ...args: unknown[]): void {
    this.world.record('webContents.send', [this.id, channel, ...args])
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.world.host.deliver(this.window, channel, structuredClone(args))
  }

  setWindowOpenHandler(
    handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {
    this.world.record('webContents.setWindowOpenHandler', [this.id])
    this.windowOpenHandler = handler
  }

  printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer> {
    this.world.record('webContents.printToPDF', [this.id, options])
    return this.world.host.printToPdf(this.window, options)
  }

  openDevTools(): void {
    this.world.record('webContents.openDevTools', [this.id])
    // Electron opens nothing for a window made with devTools: false.
    if (this.webPreferences.devTools !== false) this.devToolsOpened = true
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpened
  }

  focus(): void {
    this.window.focus()
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('destroyed')
  }
}

type WindowMembers =
  | 'id'
  | 'show'
  | 'hide'
  | 'focus'
  | 'blur'
  | 'isFocused'
  | 'isVisible'
  | 'isMinimized'
  | 'minimize'
  | 'restore'
  | 'close'
  | 'destroy'
  | 'isDestroyed'
  | 'loadURL'
  | 'getTitle'

export class BrowserWindowDouble
  extends EventEmitter
  implements Double<Electron.BrowserWindow, WindowMembers, { webContents: WebContentsDouble }>
{
  readonly id: number
  readonly webContents: WebContentsDouble
  readonly options: Electron.BrowserWindowConstructorOptions
  /** The page standing for this window, ready: the harness fills it in. */
  readonly opened: Promise<void>
  private visible: boolean
  private minimized = false
  private focused = false
  private destroyed = false

  constructor(
    private readonly world: World,
    options: Electron.BrowserWindowConstructorOptions = {},
  ) {
    super()
    if (!world.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready')
    this.options = structuredClone({ ...options, webPreferences: { ...options.webPreferences } })
    world.record('new BrowserWindow', [this.options])
    this.id = world.nextId()
    this.visible = options.show !== false
    this.webContents = new WebContentsDouble(world, this.id, this, this.options.webPreferences ?? {})
    world.windows.add(this)
    world.app.emit('web-contents-created', electronEvent({}), this.webContents)
    world.app.emit('browser-window-created', electronEvent({}), this)
    this.opened = world.host.open(this)
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show', electronEvent({})))
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }

  show(): void {
    this.world.record('BrowserWindow.show', [this.id])
    this.visible = true
    this.focus()
  }

  hide(): void {
    this.visible = false
  }

  focus(): void {
    this.world.record('BrowserWindow.focus', [this.id])
    for (const other of this.world.windows) other.focused = other === this
    this.minimized = false
    void this.world.host.focus(this)
    this.emit('focus', electronEvent({}))
  }

  blur(): void {
    this.focused = false
  }

  isFocused(): boolean {
    return this.focused
  }

  isVisible(): boolean {
    return this.visible && !this.minimized
  }

  isMinimized(): boolean {
    return this.minimized
  }

  minimize(): void {
    this.world.record('BrowserWindow.minimize', [this.id])
    this.minimized = true
    this.focused = false
  }

  restore(): void {
    this.world.record('BrowserWindow.restore', [this.id])
    this.minimized = false
  }

  getTitle(): string {
    return this.options.title ?? ''
  }

  close(): void {
    if (this.destroyed) return
    const event = electronEvent({})
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.world.windows.delete(this)
    this.webContents.destroy()
    void this.world.host.close(this)
    this.emit('closed')
    if (this.world.windows.size === 0 && this.world.app.exitCode === null && !this.world.quitting)
      this.world.app.emit('window-all-closed')
  }

  isDestroyed(): boolean {
    return this.destroyed
  }
}
