/**
 * What the harness proves of main, each as a function that throws when main gets it wrong: the
 * guards spec runs them on the real build, the mutation spec on builds broken on purpose.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect } from '@playwright/test'
import { ADMIN, bridge, exportFromMenu, firstRunAdmin, readBackup, signIn } from './desk'
import type { ElectronHarness } from './harness'

/** The desk loads from main's app:// handler and a first run and sign-in go over ipcRenderer.invoke. */
export async function signsInThroughIpc(h: ElectronHarness): Promise<void> {
  const { page } = await h.window()
  await firstRunAdmin(page)
  await signIn(page, ADMIN, ADMIN.password)
  const invoked = h.world.calls.filter((c) => c.api === 'ipcMain.invoke').map((c) => c.args[0])
  expect(invoked).toEqual(expect.arrayContaining(['rc:auth.status', 'rc:auth.setupAdmin', 'rc:auth.login']))
  expect(page.url()).toMatch(/^https:\/\/desk\.app\.electron-scheme\.invalid\//)
}

/** Every answer of the app:// handler carries the Content-Security-Policy header. */
export async function cspOnEveryResponse(h: ElectronHarness): Promise<void> {
  await h.window()
  const responses = h.world.protocol.responses
  // The page, its script and its styles at least.
  await expect
    .poll(() => responses.map((r) => path.extname(new URL(r.url).pathname)))
    .toEqual(expect.arrayContaining(['.html', '.js', '.css']))
  for (const r of responses) {
    const csp = r.headers['content-security-policy'] ?? ''
    expect(csp, r.url).toContain("default-src 'none'")
    expect(csp, r.url).toContain("frame-ancestors 'none'")
  }
}

/** A page that is not the desk's, shown in the desk's window with its preload, cannot call main. */
export async function foreignPageRefused(h: ElectronHarness): Promise<void> {
  const { page, win } = await h.window()
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible()
  // As if a navigation had slipped through: main's own loadURL, so no will-navigate stops it.
  await win.webContents.loadURL('https://evil.example/')
  await expect(page).toHaveTitle('Not the desk')
  const status = await bridge(page, 'auth.status', {})
  expect(status).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const setup = await bridge(page, 'auth.setupAdmin', {
    name: 'Mallory',
    email: 'm@evil.example',
    password: 'x1234567890',
  })
  expect(setup).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const pdf = await page.evaluate(() =>
    (globalThis as unknown as { rapidcare: { savePdf(n: string): Promise<unknown> } }).rapidcare.savePdf('x'),
  )
  expect(pdf).toEqual({ saved: false, reason: 'Refused.' })
  // Back on the desk's own page, the same bridge works: the refusal was the frame's, not the channel's.
  await win.webContents.loadURL('app://desk/index.html')
  expect(await bridge(page, 'auth.status', {})).toMatchObject({ ok: true })
}

/** File → Export Backup… (signed in as the admin) writes a backup an independent check finds whole. */
export async function menuExportVerified(h: ElectronHarness): Promise<void> {
  const { page } = await h.window()
  await firstRunAdmin(page)
  await signIn(page, ADMIN, ADMIN.password)
  const file = path.join(h.userData, 'menu-export.sqlite.gz')
  const message = await exportFromMenu(h, file)
  expect(message.title).toBe('Backup verified')
  expect(fs.existsSync(file)).toBe(true)
  expect(readBackup(h, file)).toMatchObject({ integrity: 'ok', counts: { users: 1 } })
  const save = h.world.dialog.calls.find((c) => c.kind === 'showSaveDialog')!
  // Modal to the desk's window, offering the backups folder beside the database.
  expect(save.window).toBe([...h.world.windows][0])
  expect((save.options as Electron.SaveDialogOptions).defaultPath).toContain(path.join(h.userData, 'backups'))
}
