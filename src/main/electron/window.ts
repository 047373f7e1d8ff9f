import type { BrowserWindowConstructorOptions } from 'electron'

/** The desk window: every isolation Electron offers, and nothing of Node in the page. */
export function windowOptions(
  preloadPath: string,
  { packaged }: { packaged: boolean } = { packaged: false },
): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'RapidCare Desk',
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // A packaged desk has no DevTools: they would hand anyone at the keyboard a console in the page.
      devTools: !packaged,
    },
  }
}

/** The app's own origin: pages are served from this custom scheme, never from file:// or the web. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Is this frame URL one of the desk's own pages (or the dev server during `npm run dev`)? */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url)
    // Compare scheme and host: WHATWG URL gives custom schemes an opaque ("null") origin.
    if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true
    if (devServerUrl && u.origin === new URL(devServerUrl).origin) return true
    return false
  } catch {
    return false
  }
}

/**
 * The dev server's address (`npm run dev`), obeyed only by an unpackaged app: a packaged desk must
 * never load, nor trust for IPC and PDF, whatever page an environment variable names.
 */
export function devRendererUrl(env: NodeJS.ProcessEnv, packaged: boolean): string | undefined {
  return packaged ? undefined : env.ELECTRON_RENDERER_URL || undefined
}
