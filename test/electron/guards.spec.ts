/** What main must do to keep the window and the machine safe, checked on the built main. */
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { cspOnEveryResponse, foreignPageRefused, menuExportVerified, signsInThroughIpc } from './checks'
import { call, firstRunAdmin, signIn, ADMIN } from './desk'
import { ElectronHarness } from './harness'

const launched: ElectronHarness[] = []
async function launch(
  options: Omit<Parameters<typeof ElectronHarness.launch>[0], 'browser'>,
  browser: never,
) {
  const h = await ElectronHarness.launch({ browser, ...options })
  launched.push(h)
  return h
}
test.afterEach(async () => {
  for (const h of launched.splice(0)) await h.dispose()
})

test('the window: isolated, sandboxed, no Node, no webview; the page sees only the bridge', async ({
  browser,
}) => {
  const h = await launch({}, browser as never)
  const { win, page } = await h.window()
  expect(win.options.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
  })
  expect(win.options.show).toBe(false)
  expect(win.isVisible()).toBe(true) // shown at ready-to-show
  const seen = await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>
    const bridge = g.rapidcare as Record<string, unknown>
    return {
      require: typeof g.require,
      process: typeof g.process,
      members: Object.entries(bridge).map(([k, v]) => [k, typeof v]),
      frozen: Object.isFrozen(bridge),
    }
  })
  expect(seen.require).toBe('undefined')
  expect(seen.process).toBe('undefined')
  expect(seen.frozen).toBe(true)
  for (const [name, type] of seen.members) expect(type, name).toBe('function')
  // A webview asked for anyway is refused by main.
  const event = { preventDefault: () => (prevented = true) }
  let prevented = false
  win.webContents.emit('will-attach-webview', event, {}, {})
  expect(prevented).toBe(true)
})

test('the desk loads from app:// with its CSP on every response; app:// answers only its own host', async ({
  browser,
}) => {
  const h = await launch({}, browser as never)
  await signsInThroughIpc(h)
  await cspOnEveryResponse(h)
  const other = await h.world.protocol.request(new Request('app://elsewhere/index.html'))
  expect(other!.status).toBe(404)
  expect(other!.headers.get('content-security-policy')).toContain("default-src 'none'")
  // A path climbing out of the renderer folder never reaches the file.
  const climb = await h.world.protocol
    .request(new Request('app://desk/..%2f..%2fpackage.json'))
    .catch(() => null)
  expect(climb ? await climb.text() : '').not.toContain('"name": "rapidcare-desk"')
  expect(h.consoleErrors).toEqual([])
})

test('navigation, redirects and window.open away from the desk are refused', async ({ browser }) => {
  const h = await launch({}, browser as never)
  const { page } = await h.window()
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible()
  const deskUrl = page.url()

  await page.evaluate(
    () => ((globalThis as unknown as { location: { href: string } }).location.href = 'https://evil.example/'),
  )
  await expect.poll(() => h.navigations.length).toBe(1)
  expect(h.navigations[0]).toEqual({ kind: 'will-navigate', url: 'https://evil.example/', prevented: true })

  // A response of the desk's own handler that redirects away (as a compromised handler might).
  const handler = h.world.protocol.handlers.get('app')!
  h.world.protocol.handlers.set('app', (request) =>
    request.url.endsWith('/redirect-away')
      ? Response.redirect('https://evil.example/landing', 302)
      : handler(request),
  )
  await page.evaluate(
    () => ((globalThis as unknown as { location: { href: string } }).location.href = '/redirect-away'),
  )
  await expect.poll(() => h.navigations.map((n) => n.kind)).toContain('will-redirect')
  expect(h.navigations).toEqual([
    { kind: 'will-navigate', url: 'https://evil.example/', prevented: true },
    { kind: 'will-navigate', url: 'app://desk/redirect-away', prevented: false },
    { kind: 'will-redirect', url: 'https://evil.example/landing', prevented: true },
  ])

  await page.evaluate(
    () => void (globalThis as unknown as { open(u: string): unknown }).open('https://evil.example/popup'),
  )
  await expect.poll(() => h.windowOpens).toEqual([{ url: 'https://evil.example/popup', action: 'deny' }])

  expect(h.foreignLoads).toEqual([])
  expect(h.world.windows.size).toBe(1)
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible()
  expect(page.url()).toBe(deskUrl)
})

test('permission requests and checks are denied', async ({ browser }) => {
  const h = await launch({}, browser as never)
  const { win, page } = await h.window()
  expect([...h.permissionAnswers.values()]).toEqual([false, false, false, false, false])
  for (const permission of ['notifications', 'geolocation', 'media', 'clipboard-read'] as const)
    expect(h.world.session.check(win.webContents, permission, 'app://desk'), permission).toBe(false)
  const state = await page.evaluate(async () => {
    const nav = (
      globalThis as unknown as {
        navigator: { permissions: { query(q: object): Promise<{ state: string }> } }
      }
    ).navigator
    return (await nav.permissions.query({ name: 'geolocation' })).state
  })
  expect(state).not.toBe('granted')
})

test('a call from a page that is not the desk’s own is refused', async ({ browser }) => {
  await foreignPageRefused(await launch({}, browser as never))
})

test('File → Export Backup… writes a verified backup', async ({ browser }) => {
  await menuExportVerified(await launch({}, browser as never))
})

test('a second instance focuses the first window and quits without opening the database', async ({
  browser,
}) => {
  const first = await launch({}, browser as never)
  const { win } = await first.window()
  win.minimize()
  const before = first.world.calls.length
  const second = await launch({ userData: first.userData }, browser as never)
  expect(second.world.app.exitCode).toBe(0)
  expect(second.world.windows.size).toBe(0)
  expect(second.world.calls.map((c) => c.api)).not.toContain('protocol.handle')
  // The first window's own calls since (the page may keep calling main meanwhile).
  expect(
    first.world.calls
      .slice(before)
      .filter((c) => c.api.startsWith('BrowserWindow.'))
      .map((c) => c.api),
  ).toEqual(['BrowserWindow.restore', 'BrowserWindow.focus'])
  expect(win.isMinimized()).toBe(false)
  expect(win.isFocused()).toBe(true)
})

test('quitting closes the database cleanly: the WAL checkpointed away', async ({ browser }) => {
  const h = await launch({}, browser as never)
  const { page } = await h.window()
  await firstRunAdmin(page)
  await signIn(page, ADMIN, ADMIN.password)
  await call(page, 'hospitals.create', {
    name: 'Evercare Hospital',
    address: 'Dhaka',
    phone: '+880 2 5566 7788',
  })
  const wal = `${h.dbPath}-wal`
  expect(fs.statSync(wal).size).toBeGreaterThan(0)
  h.clickMenu(['File', 'Quit'])
  await h.quit()
  expect(h.world.app.exitCode).toBe(0)
  expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0)
  const db = h.openDatabase()
  expect(db.prepare('SELECT name FROM hospitals').all()).toEqual([{ name: 'Evercare Hospital' }])
  db.close()
})

test('a page call that arrives after will-quit closed the database is refused, with nothing logged', async ({
  browser,
}) => {
  const h = await launch({}, browser as never)
  const { page, win } = await h.window()
  await firstRunAdmin(page)
  // The double closes pages after will-quit, as Electron may: a status call can still come in then.
  const logged: string[] = []
  const consoleError = console.error
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '))
  try {
    h.clickMenu(['File', 'Quit'])
    await h.quit()
    const late = await h.world.ipcMain.invoke(win.webContents, win.webContents.mainFrame, 'rc:auth.status', [
      {},
    ])
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The desk is closing. Nothing was done.' },
    })
  } finally {
    console.error = consoleError
  }
  expect(logged).toEqual([])
})

test('a packaged desk ignores ELECTRON_RENDERER_URL and has no DevTools; an unpackaged one obeys it', async ({
  browser,
}) => {
  const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }
  const packaged = await launch({ packaged: true, env }, browser as never)
  const { win } = await packaged.window()
  expect(packaged.world.calls.filter((c) => c.api === 'webContents.loadURL').map((c) => c.args[1])).toEqual([
    'app://desk/index.html',
  ])
  expect(win.options.webPreferences?.devTools).toBe(false)
  win.webContents.openDevTools()
  expect(win.webContents.isDevToolsOpened()).toBe(false)
  await packaged.dispose()

  const dev = await launch({ packaged: false, env }, browser as never)
  await expect
    .poll(() => dev.world.calls.filter((c) => c.api === 'webContents.loadURL').map((c) => c.args[1]))
    .toEqual(['http://127.0.0.1:5173/'])
  expect([...dev.world.windows][0]!.options.webPreferences?.devTools).toBe(true)
})
