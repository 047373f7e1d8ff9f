import type { BrowserWindowConstructorOptions } from 'electron'

/** The desk window: every isolation Electron offers, and nothing of Node in the page. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
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
      devTools: true,
    },
  }
}

/** The app's own origin: pages are served from this custom scheme, never from file:// or the web. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://desk`

/** Is this frame URL one of the desk's own pages (or the dev server during `npm run dev`)? */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url)
    // Compare scheme and host: WHATWG URL gives custom schemes an opaque ("null") origin.
    if (u.protocol === `${APP_SCHEME}:` && u.host === 'desk') return true
    if (devServerUrl && u.origin === new URL(devServerUrl).origin) return true
    return false
  } catch {
    return false
  }
}
