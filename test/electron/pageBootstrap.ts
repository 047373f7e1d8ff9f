/**
 * What runs in each page of a window before the page's own scripts, as Electron's sandboxed preload
 * does: the built preload, unchanged, given the `require` a sandboxed preload has ('electron' with
 * contextBridge and ipcRenderer, and Electron's small polyfills), its ipcRenderer reaching main
 * through the harness's bindings. It is serialised into the page, so it uses nothing from outside.
 */
export interface BootstrapArgs {
  contextIsolation: boolean
  subFrames: boolean
  preloadPath: string
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron's own listener type
type Listener = (event: Electron.IpcRendererEvent, ...args: any[]) => void
type Binding = (...args: unknown[]) => Promise<unknown>

export function pageBootstrap(
  args: BootstrapArgs,
  preload: (exports: object, require: (id: string) => unknown, module: { exports: object }) => void,
): void {
  // The page's window (this runs in Chromium; the Node-side type check knows no DOM).
  const page = globalThis as unknown as { top: unknown } & Record<string, Binding>
  // Electron runs preloads in the main frame only, unless nodeIntegrationInSubFrames.
  if (page.top !== page && !args.subFrames) return
  const w = page
  const invokeBinding = w.__rcDoubleInvoke!
  const sendBinding = w.__rcDoubleSend!
  const listeners = new Map<string, Set<Listener>>()
  // Held to Electron's types: a member the real ipcRenderer lacks, or a different signature, does
  // not compile. Its chained methods return it, as Electron's do.
  const ipcRenderer = {} as Electron.IpcRenderer
  const offered: Pick<
    Electron.IpcRenderer,
    'invoke' | 'send' | 'on' | 'once' | 'removeListener' | 'off' | 'removeAllListeners' | 'listenerCount'
  > = {
    invoke: (channel, ...rest) => invokeBinding(channel, rest),
    send: (channel, ...rest) => void sendBinding(channel, rest),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
      return ipcRenderer
    },
    once(channel, listener) {
      const once: Listener = (event, ...a) => {
        ipcRenderer.removeListener(channel, once)
        listener(event, ...a)
      }
      return ipcRenderer.on(channel, once)
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    },
    off(channel, listener) {
      return ipcRenderer.removeListener(channel, listener)
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear()
      else listeners.delete(channel)
      return ipcRenderer
    },
    listenerCount(channel) {
      return listeners.get(String(channel))?.size ?? 0
    },
  }
  Object.assign(ipcRenderer, offered)
  const freeze = (value: unknown): unknown => {
    if (value && typeof value === 'object') {
      for (const v of Object.values(value)) freeze(v)
      Object.freeze(value)
    }
    return value
  }
  const contextBridge: Pick<Electron.ContextBridge, 'exposeInMainWorld'> = {
    exposeInMainWorld(key: string, api: unknown) {
      if (!args.contextIsolation)
        throw new Error('contextBridge API can only be used when contextIsolation is enabled')
      if (key in page)
        throw new Error('Cannot bind an API on top of an existing property on the window object')
      // The page gets a frozen copy it cannot change under the preload.
      Object.defineProperty(page, key, { value: freeze(api), enumerable: true })
    },
  }
  Object.defineProperty(page, '__rcDoubleDeliver', {
    value: (channel: string, rest: unknown[]) => {
      for (const listener of [...(listeners.get(channel) ?? [])])
        listener(
          {
            sender: ipcRenderer,
            ports: [],
            preventDefault() {},
            defaultPrevented: false,
          } as Electron.IpcRendererEvent,
          ...rest,
        )
    },
  })
  // A sandboxed preload's require: Electron's renderer modules and three polyfills, nothing of Node.
  const modules: Record<string, unknown> = {
    electron: { contextBridge, ipcRenderer },
    timers: { setTimeout, clearTimeout, setInterval, clearInterval },
    url: { URL, URLSearchParams },
  }
  const require = (id: string) => {
    if (id in modules) return modules[id]
    throw new Error(`module not found: ${id}`)
  }
  const module = { exports: {} }
  preload(module.exports, require, module)
}
