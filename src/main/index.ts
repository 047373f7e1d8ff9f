/** Electron main: lifecycle, the hardened window, the menu, the single-instance lock, and IPC. */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, session } from 'electron'
import { clientInfo, openDesk, type DeskCore } from './app'
import { schemaVersion } from './db/migrate'
import { DB_FILENAME } from './db/paths'
import { exportFromMenu, restoreFromMenu, type BackupMenuDeps } from './electron/backupMenu'
import { startupKey } from './electron/keyStore'
import { aboutText, menuTemplate, menuWords } from './electron/menu'
import { registerPdf } from './electron/pdf'
import { windowSubscriber } from './electron/live'
import { EXPORT_TYPES, registerSaveFile } from './electron/saveFile'
import { registerIpc } from './electron/transport'
import { staticPath } from './ipc/staticPath'
import { APP_HOST, APP_ORIGIN, APP_SCHEME, devRendererUrl, isAppUrl, windowOptions } from './electron/window'
import { HUB_CONFIG_FILE, readHubConfig } from './hub/config'
import { withLocalHubChannels } from './hub/connected'
import { DeskHubControl } from './hub/control'
import { PinnedClient, type HubAddress } from './hub/pinned'
import { createRemoteDispatcher, RemoteLive } from './hub/remote'
import type { Dispatcher } from './ipc/dispatcher'
import { scopeForToken } from './live/scope'
import { actorFor } from './services/auth'
import type { BackupDeps } from './services/backup'
import { startAutomaticBackups, type AutomaticBackups } from './services/backupSchedule'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { languageForTag, type Language } from '../shared/locale/display'
import { LIVE_IPC } from '../shared/live'

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

const devServerUrl = devRendererUrl(process.env, app.isPackaged)
let mainWindow: BrowserWindow | null = null
let desk: DeskCore | null = null
/** The session token of each window's page, kept by the IPC transport. */
let pageTokens = new Map<number, string>()
let automaticBackups: AutomaticBackups | null = null
/** A desk joined to the hub (hub.json): the hub's client; it then has no database of its own. */
let hubClient: PinnedClient | null = null
/** Settings → Share this desk / Connect to the hospital's desk (src/main/hub/control.ts). */
let hubControl: DeskHubControl | null = null
const remoteFeeds: RemoteLive[] = []

function backupDeps(core: DeskCore): BackupDeps {
  return {
    dbPath: core.app.databasePath,
    live: core.live,
    now: () => new Date(),
    app: core.app,
    client: clientInfo(),
  }
}

function backupMenuDeps(core: DeskCore): BackupMenuDeps {
  return {
    backup: backupDeps(core),
    sessions: core.dispatcher.sessions,
    dialogs: {
      showSaveDialog: (o) => (mainWindow ? dialog.showSaveDialog(mainWindow, o) : dialog.showSaveDialog(o)),
      showOpenDialog: (o) => (mainWindow ? dialog.showOpenDialog(mainWindow, o) : dialog.showOpenDialog(o)),
      showMessageBox: (o) => (mainWindow ? dialog.showMessageBox(mainWindow, o) : dialog.showMessageBox(o)),
    },
    actor: () => {
      const id = mainWindow?.webContents.id
      return id === undefined ? null : actorFor(core.db, core.dispatcher.sessions, pageTokens.get(id) ?? null)
    },
    notify: (event) => send(event),
    reload: () => mainWindow?.webContents.reload(),
    language: menuLanguage,
  }
}

function rendererRoot(): string {
  return path.join(__dirname, '..', 'renderer')
}

function serveAppProtocol(): void {
  const root = rendererRoot()
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    // The scheme is the desk's alone, and so is its one host: app://anything-else answers nothing.
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers: cspHeaders() })
    // The same rule as browser mode: a malformed path (`/%`) is a 400, never an exception.
    const file = staticPath(root, url.pathname)
    if (file === null)
      return new Response('This address is not valid.', { status: 400, headers: cspHeaders() })
    const response = await net.fetch(pathToFileURL(file).toString())
    return new Response(response.body, { status: response.status, headers: cspHeaders(response.headers) })
  })
}

function cspHeaders(from?: Headers): Headers {
  const headers = new Headers(from)
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  return headers
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

function createWindow(): void {
  mainWindow = new BrowserWindow(
    windowOptions(path.join(__dirname, '..', 'preload', 'index.js'), { packaged: app.isPackaged }),
  )
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  const contents = mainWindow.webContents
  const core = desk
  if (core) {
    // Live changes to this window, for whoever is signed in on it (the feed drops it once destroyed).
    core.feed.subscribe(
      windowSubscriber(contents, () =>
        scopeForToken(core.db, core.dispatcher.sessions, pageTokens.get(contents.id) ?? null),
      ),
    )
  }
  const client = hubClient
  if (client) {
    // The hub's live feed for this window, read with the window's own session token.
    const feed = new RemoteLive(
      client,
      () => pageTokens.get(contents.id) ?? null,
      (event) => !contents.isDestroyed() && contents.send(LIVE_IPC.change, event),
      (connection) => !contents.isDestroyed() && contents.send(LIVE_IPC.connection, connection),
    ).start()
    remoteFeeds.push(feed)
    mainWindow.on('closed', () => feed.stop())
  }
  if (devServerUrl) void mainWindow.loadURL(devServerUrl)
  else void mainWindow.loadURL(`${APP_ORIGIN}/index.html`)
}

/** Connected mode: every call goes to the hub over HTTPS with its certificate pinned. */
function connectTo(hub: HubAddress): Dispatcher {
  hubClient = new PinnedClient(hub)
  return createRemoteDispatcher({ client: hubClient })
}

function send(event: string): void {
  mainWindow?.webContents.send(event)
}

/** The menu's language: the OS's until a user signs in, then theirs (see registerIpc's onLanguage). */
let menuLanguage: Language = 'en'

function buildMenu(): void {
  const language = menuLanguage
  const template = menuTemplate(
    {
      exportBackup: () => void (desk && exportFromMenu(backupMenuDeps(desk))),
      restoreBackup: () => void (desk && restoreFromMenu(backupMenuDeps(desk))),
      about: () => {
        if (!desk) return
        void dialog.showMessageBox({
          type: 'info',
          title: menuWords(language).about,
          message: 'RapidCare Desk',
          detail: aboutText(
            {
              appVersion: desk.app.appVersion,
              schemaVersion: schemaVersion(desk.db),
              databasePath: desk.app.databasePath,
            },
            language,
          ),
        })
      },
      quit: () => app.quit(),
    },
    process.platform,
    language,
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

if (!app.requestSingleInstanceLock()) {
  // A second start hands over to the first window and leaves.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  void app.whenReady().then(() => {
    const dbPath = process.env.RAPIDCARE_DB ?? path.join(app.getPath('userData'), DB_FILENAME)
    let hub: HubAddress | null
    try {
      hub = readHubConfig(path.join(app.getPath('userData'), HUB_CONFIG_FILE))
    } catch (err) {
      dialog.showErrorBox('RapidCare Desk cannot join the hospital’s desk', (err as Error).message)
      app.exit(1)
      return
    }
    // Joined to the hub: no database of its own to diverge; backups and maintenance run there.
    if (!hub) {
      try {
        const key = startupKey(dbPath, safeStorage)
        if (!key.encrypted) console.warn(`Not encrypted: ${dbPath}. ${key.reason}`)
        desk = openDesk({ dbPath, key: key.encrypted ? key.key : null })
      } catch (err) {
        dialog.showErrorBox('RapidCare Desk cannot open its database', (err as Error).message)
        app.exit(1)
        return
      }
    }
    harden()
    serveAppProtocol()
    hubControl = new DeskHubControl({
      userData: app.getPath('userData'),
      desk,
      connected: hub,
      staticDir: rendererRoot(),
      // Joining or leaving a hub: the answer reaches the window first, then the desk starts again.
      restart: () =>
        setTimeout(() => {
          app.relaunch()
          app.exit(0)
        }, 500),
    })
    if (desk) desk.app.hubControl = hubControl
    const dispatcher = desk ? desk.dispatcher : withLocalHubChannels(connectTo(hub!), hubControl)
    menuLanguage = languageForTag(app.getLocale())
    pageTokens = registerIpc(ipcMain, dispatcher, devServerUrl, {
      onLanguage: (language) => {
        if (language === menuLanguage) return
        menuLanguage = language
        buildMenu()
      },
    })
    // Shared when it last stopped: shared again, so the other desks find their hub after a restart.
    void hubControl.resume().then((problem) => {
      if (problem) console.warn(`This desk could not be shared on the hospital network again: ${problem}`)
    })
    registerPdf(ipcMain, {
      askPath: async (name) => {
        const options = {
          defaultPath: path.join(app.getPath('documents'), name),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        }
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options)
        return result.canceled || !result.filePath ? null : result.filePath
      },
      printToPdf: (event) => event.sender.printToPDF({ printBackground: true, pageSize: 'A4' }),
      writeFile: (file, data) => fs.promises.writeFile(file, data),
      devServerUrl,
    })
    registerSaveFile(ipcMain, {
      askPath: async (name, type) => {
        const options = {
          defaultPath: path.join(app.getPath('documents'), name),
          filters: [{ ...EXPORT_TYPES[type], extensions: [...EXPORT_TYPES[type].extensions] }],
        }
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options)
        return result.canceled || !result.filePath ? null : result.filePath
      },
      writeFile: (file, data) => fs.promises.writeFile(file, data),
      devServerUrl,
    })
    if (desk) automaticBackups = startAutomaticBackups(backupDeps(desk))
    buildMenu()
    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', () => {
    automaticBackups?.stop()
    void hubControl?.close()
    for (const feed of remoteFeeds.splice(0)) feed.stop()
    hubClient?.close()
    desk?.close()
    desk = null
  })
}
