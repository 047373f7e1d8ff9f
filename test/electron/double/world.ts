/**
 * One Electron "process" as the double stands for it: the main-process modules main's
 * `require('electron')` receives (the preload's renderer modules are in ../pageBootstrap.ts, since
 * they run in the page). Everything main does through them is recorded in `calls`.
 */
import { AppDouble } from './app'
import { IpcMainDouble } from './ipc'
import { DialogDouble, MenuModuleDouble } from './menu'
import { NetDouble, ProtocolDouble, SafeStorageDouble, SessionDouble } from './platform'
import type { Call } from './types'
import { BrowserWindowDouble, type WebContentsDouble } from './window'

type PathName = Parameters<Electron.App['getPath']>[0]

/** A module of the double may offer only names the real module exports (else: never, and no compile). */
type OnlyElectronNames<T, Real> = Exclude<keyof T, keyof Real> extends never ? T : never

export interface BrowserWindowModule {
  new (options?: Electron.BrowserWindowConstructorOptions): BrowserWindowDouble
  getAllWindows(): BrowserWindowDouble[]
  getFocusedWindow(): BrowserWindowDouble | null
  fromWebContents(contents: WebContentsDouble): BrowserWindowDouble | null
}

export interface MainModule {
  app: AppDouble
  BrowserWindow: BrowserWindowModule
  ipcMain: IpcMainDouble
  protocol: ProtocolDouble
  net: NetDouble
  session: { defaultSession: SessionDouble }
  Menu: MenuModuleDouble
  dialog: DialogDouble
  safeStorage: SafeStorageDouble
  webContents: {
    getAllWebContents(): WebContentsDouble[]
    fromId(id: number): WebContentsDouble | undefined
  }
}

export interface WorldOptions {
  userData: string
  paths: Partial<Record<PathName, string>>
  packaged: boolean
  /** The operating system's language, as app.getLocale() reports it (default en-US). */
  locale?: string
  version: string
  appPath: string
  argv: string[]
}

/** What stands behind a window: the harness's real Chromium page. */
export interface WindowHost {
  open(win: BrowserWindowDouble): Promise<void>
  load(win: BrowserWindowDouble, url: string, how?: { reload?: boolean }): Promise<void>
  focus(win: BrowserWindowDouble): Promise<void>
  close(win: BrowserWindowDouble): Promise<void>
  printToPdf(win: BrowserWindowDouble, options: Electron.PrintToPDFOptions): Promise<Buffer>
  deliver(win: BrowserWindowDouble, channel: string, args: unknown[]): void
}

export class World {
  readonly calls: Call[] = []
  readonly windows = new Set<BrowserWindowDouble>()
  quitting = false
  readonly app: AppDouble
  readonly ipcMain: IpcMainDouble
  readonly protocol: ProtocolDouble
  readonly net: NetDouble
  readonly session: SessionDouble
  readonly menu: MenuModuleDouble
  readonly dialog: DialogDouble
  readonly safeStorage: SafeStorageDouble
  private ids = 0

  constructor(
    readonly options: WorldOptions,
    readonly host: WindowHost,
  ) {
    this.app = new AppDouble(this)
    this.ipcMain = new IpcMainDouble(this)
    this.protocol = new ProtocolDouble(this)
    this.net = new NetDouble(this)
    this.session = new SessionDouble(this)
    this.menu = new MenuModuleDouble(this)
    this.dialog = new DialogDouble(this)
    this.safeStorage = new SafeStorageDouble(this)
  }

  record(api: string, args: unknown[]): void {
    this.calls.push({ api, args })
  }

  nextId(): number {
    return ++this.ids
  }

  /** What `require('electron')` gives main. Only names Electron's main process exports. */
  mainModule(): OnlyElectronNames<MainModule, typeof Electron.Main> {
    const windows = () => [...this.windows]
    return {
      app: this.app,
      BrowserWindow: browserWindowModule(this),
      ipcMain: this.ipcMain,
      protocol: this.protocol,
      net: this.net,
      session: { defaultSession: this.session },
      Menu: this.menu,
      dialog: this.dialog,
      safeStorage: this.safeStorage,
      webContents: {
        getAllWebContents: () => windows().map((w) => w.webContents),
        fromId: (id) => windows().find((w) => w.webContents.id === id)?.webContents,
      },
    }
  }
}

/** BrowserWindow, its constructor and statics bound to one world. */
function browserWindowModule(world: World): BrowserWindowModule {
  return class BrowserWindow extends BrowserWindowDouble {
    constructor(options?: Electron.BrowserWindowConstructorOptions) {
      super(world, options)
    }
    static getAllWindows(): BrowserWindowDouble[] {
      return [...world.windows]
    }
    static getFocusedWindow(): BrowserWindowDouble | null {
      return [...world.windows].find((w) => w.isFocused()) ?? null
    }
    static fromWebContents(contents: WebContentsDouble): BrowserWindowDouble | null {
      return contents.window.isDestroyed() ? null : contents.window
    }
  }
}
