/**
 * A whole desk session through the Electron transport: the built main and preload, the page served
 * by main's app:// handler, every call over ipcRenderer.invoke → ipcMain.handle.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { fileEncryption } from '../../src/main/db/open'
import { ElectronHarness } from './harness'
import {
  ADMIN,
  AUTHORITY,
  RECEPTION,
  STAFF_PASSWORD,
  call,
  exportFromMenu,
  firstRunAdmin,
  readBackup,
  setUpHospital,
  signIn,
  signOut,
} from './desk'

let harness: ElectronHarness | undefined
test.afterEach(async () => harness?.dispose())

test('first run, sign-in, a booking approved and admitted with its slip, File → Export Backup, File → Restore, quit', async ({
  browser,
}) => {
  harness = await ElectronHarness.launch({ browser })
  const h = harness
  const { page } = await h.window()
  const shot = (name: string) =>
    page.screenshot({ path: path.join('test-results', 'electron', `${name}.png`) })

  // First run: the administrator, then sign-in: the page holds no token (the session is its window's).
  const code = await firstRunAdmin(page)
  // The recovery code shown once is the key main keeps wrapped by the keychain.
  const plain = (text: string | null) => (text ?? '').replace(/[^0-9A-Z]/gi, '')
  expect(plain(code)).not.toBe('')
  expect(plain(code)).toBe(plain(h.databaseKey()!.recoveryCode()))
  await signIn(page, ADMIN, ADMIN.password)
  const stored = await page.evaluate(() => {
    const g = globalThis as unknown as { sessionStorage: object; localStorage: object }
    return JSON.stringify(g.sessionStorage) + JSON.stringify(g.localStorage)
  })
  expect(stored).not.toMatch(/token/i)
  await setUpHospital(page)
  await signOut(page)

  // The receptionist books from the keyboard.
  await signIn(page, RECEPTION, STAFF_PASSWORD)
  await page.keyboard.press('n')
  await expect(page.getByRole('heading', { name: 'New booking' })).toBeVisible()
  await expect(page.getByLabel('Patient name')).toBeFocused()
  await page.keyboard.type('মোহাম্মদ রহিম উদ্দিন')
  for (const text of ['54', 'Male', 'Chest pain, suspected myocardial infarction', 'Critical', 'Dhaka']) {
    await page.keyboard.press('Tab')
    await page.keyboard.type(text)
  }
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab') // resource, scheduled, expected stay
  for (const text of ['Fatema Begum', '01711-223344', 'Wife']) {
    await page.keyboard.press('Tab')
    await page.keyboard.type(text)
  }
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('created-reference')).toHaveText(/^RC-\d{4}-000001$/)
  const ref = await page.getByTestId('created-reference').innerText()
  await shot('booking-created')
  await signOut(page)

  // The hospital's authority approves it from the queue with one key.
  await signIn(page, AUTHORITY, STAFF_PASSWORD)
  await page.getByRole('button', { name: 'Bookings' }).click()
  await expect(page.getByTestId(`queue-row-${ref}`)).toHaveClass(/is-selected/)
  await page.keyboard.press('a')
  await expect(page.getByText('No pending bookings.')).toBeVisible()
  await signOut(page)

  // The receptionist admits the patient; the slip is saved as a PDF through main's save dialog.
  await signIn(page, RECEPTION, STAFF_PASSWORD)
  const booking = (
    await call<{ items: { id: number; bookingReference: string }[] }>(page, 'bookings.list', {
      search: ref,
    })
  ).items[0]!
  expect(booking.bookingReference).toBe(ref)
  await page.getByRole('button', { name: 'Bookings' }).click()
  await page.getByTestId(`queue-row-${ref}`).click()
  await page.getByRole('button', { name: 'Admit patient' }).click()
  const slip = page.getByRole('dialog', { name: 'Admission slip' })
  await expect(slip.getByTestId('slip-reference')).toHaveText(ref)
  await shot('admission-slip')
  const pdf = path.join(h.userData, '..', `${path.basename(h.userData)}-documents`, 'slip.pdf')
  h.world.dialog.script.save = (options) => {
    expect(options.defaultPath).toMatch(new RegExp(`Admission slip ${ref}\\.pdf$`))
    return { canceled: false, filePath: pdf }
  }
  await slip.getByRole('button', { name: 'Save as PDF' }).click()
  await expect.poll(() => fs.existsSync(pdf) && fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  await page.keyboard.press('Escape')
  await signOut(page)

  // The administrator: File → Export Backup… gives a verified backup holding the session's work.
  await signIn(page, ADMIN, ADMIN.password)
  const backup = path.join(h.userData, 'exported.sqlite.gz')
  const done = await exportFromMenu(h, backup)
  expect(done.title).toBe('Backup verified')
  expect(done.detail).toContain(backup)
  expect(readBackup(h, backup)).toEqual({ integrity: 'ok', counts: { hospitals: 1, users: 3, bookings: 1 } })
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible()
  await shot('backups-after-menu-export')

  // Work goes on, then File → Restore Backup… brings the desk back to the backup.
  await call(page, 'hospitals.create', {
    name: 'Late Addition Clinic',
    address: 'Sylhet',
    phone: '+880 2 5566 7789',
  })
  expect((await call<{ total: number }>(page, 'hospitals.list', {})).total).toBe(2)
  h.world.dialog.script.open = () => ({ canceled: false, filePaths: [backup] })
  h.world.dialog.script.message = (options) =>
    options.buttons?.includes('Restore') ? 1 : (options.defaultId ?? 0)
  const before = h.world.dialog.calls.length
  h.clickMenu(['File', 'Restore Backup…'])
  await expect
    .poll(() => h.world.dialog.calls.slice(before).map((c) => (c.options as { title?: string }).title))
    .toContain('Backup restored')
  expect(h.world.dialog.calls.slice(before).map((c) => c.kind)).toEqual([
    'showOpenDialog',
    'showMessageBox',
    'showMessageBox',
  ])
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.name)
  expect((await call<{ total: number }>(page, 'hospitals.list', {})).total).toBe(1)

  // Every call went through ipcMain; every app:// answer carried the CSP; nothing failed in the page.
  const invoked = h.world.calls.filter((c) => c.api === 'ipcMain.invoke').map((c) => c.args[0])
  for (const channel of ['rc:auth.setupAdmin', 'rc:auth.login', 'rc:bookings.create', 'rc:bookings.approve'])
    expect(invoked).toContain(channel)
  expect(invoked).toContain('rc:bookings.admit')
  expect(invoked).toContain('rc-window:savePdf')
  expect(h.world.protocol.responses.filter((r) => r.url.includes('/api/'))).toEqual([])
  expect(h.world.protocol.responses.length).toBeGreaterThan(2)
  for (const r of h.world.protocol.responses)
    expect(r.headers['content-security-policy'], r.url).toMatch(/default-src 'none'/)
  expect(h.pageErrors).toEqual([])
  expect(h.consoleErrors).toEqual([])
  expect(h.blocked).toEqual([])

  // Live changes reached the window over webContents.send (the preload's onChange feeds the page).
  expect(
    h.world.calls.filter((c) => c.api === 'webContents.send' && c.args[1] === 'rc-live:change').length,
  ).toBeGreaterThan(0)

  // The database is encrypted, its key wrapped by the keychain through safeStorage.
  expect(fileEncryption(h.dbPath)).toBe('encrypted')
  expect(h.world.calls.map((c) => c.api)).toContain('safeStorage.encryptString')

  // File → Quit: will-quit closes the database, its WAL checkpointed away.
  await h.quit()
  expect(h.world.app.exitCode).toBe(0)
  const wal = `${h.dbPath}-wal`
  expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true)
  const db = h.openDatabase()
  expect((db.prepare('SELECT COUNT(*) AS n FROM bookings').get() as { n: number }).n).toBe(1)
  db.close()
})
