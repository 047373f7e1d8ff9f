import { EventEmitter } from 'node:events'
import type { World } from './world'
import { electronEvent, type Double } from './types'

type AppMembers =
  | 'whenReady'
  | 'isReady'
  | 'requestSingleInstanceLock'
  | 'hasSingleInstanceLock'
  | 'releaseSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'relaunch'
  | 'getPath'
  | 'getName'
  | 'getVersion'
  | 'getLocale'
  | 'getAppPath'
  | 'focus'
  | 'isPackaged'

/** Who holds the single-instance lock, by user-data folder: shared by every world in this process. */
const locks = new Map<string, AppDouble>()

export class AppDouble extends EventEmitter implements Double<Electron.App, AppMembers> {
  private ready = false
  private readonly readyPromise: Promise<void>
  private resolveReady!: () => void
  /** Set once the app has quit or exited: the exit code. */
  exitCode: number | null = null

  constructor(private readonly world: World) {
    super()
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve))
  }

  get isPackaged(): boolean {
    return this.world.options.packaged
  }

  /** Electron's `ready`: the harness calls it once main's module has run, as Electron does. */
  markReady(): void {
    this.ready = true
    this.emit('ready', electronEvent({}), {})
    this.resolveReady()
  }

  whenReady(): Promise<void> {
    return this.readyPromise
  }

  isReady(): boolean {
    return this.ready
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    this.world.record('app.requestSingleInstanceLock', [additionalData])
    const key = this.world.options.userData
    const holder = locks.get(key)
    if (holder && holder !== this && holder.exitCode === null) {
      // The first instance hears of the second, with its command line, as Electron does.
      holder.emit(
        'second-instance',
        electronEvent({}),
        this.world.options.argv,
        process.cwd(),
        additionalData ?? {},
      )
      return false
    }
    locks.set(key, this)
    return true
  }

  hasSingleInstanceLock(): boolean {
    return locks.get(this.world.options.userData) === this
  }

  releaseSingleInstanceLock(): void {
    if (this.hasSingleInstanceLock()) locks.delete(this.world.options.userData)
  }

  /** Electron's order: before-quit, every window closed, will-quit, quit. */
  quit(): void {
    this.world.record('app.quit', [])
    if (this.exitCode !== null) return
    const beforeQuit = electronEvent({})
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    // Closing windows on the way out is not "all windows closed": Electron emits no window-all-closed.
    this.world.quitting = true
    for (const win of [...this.world.windows]) win.close()
    const willQuit = electronEvent({})
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return
    this.finish(0)
    this.emit('quit', electronEvent({}), 0)
  }

  exit(exitCode = 0): void {
    this.world.record('app.exit', [exitCode])
    for (const win of [...this.world.windows]) win.destroy()
    this.finish(exitCode)
  }

  /** Electron starts a new instance once this one exits; here the test launches it (a new harness, same user data). */
  relaunch(options?: Electron.RelaunchOptions): void {
    this.world.record('app.relaunch', [options])
    this.relaunched = true
  }

  /** Whether main asked for a new instance (app.relaunch). */
  relaunched = false

  private finish(code: number): void {
    this.exitCode = code
    this.releaseSingleInstanceLock()
  }

  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const dir = this.world.options.paths[name]
    if (!dir) throw new Error(`The double has no path for '${name}'`)
    return dir
  }

  getName(): string {
    return 'RapidCare Desk'
  }

  getVersion(): string {
    return this.world.options.version
  }

  getLocale(): string {
    return this.world.options.locale ?? 'en-US'
  }

  getAppPath(): string {
    return this.world.options.appPath
  }

  focus(): void {
    this.world.record('app.focus', [])
  }
}
