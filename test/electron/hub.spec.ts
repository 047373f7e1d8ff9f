/**
 * Settings → Share this desk on the hospital network, and the first run's Connect to the hospital's
 * desk, through the Electron transport: one application desk becomes the hub over HTTPS (in its own
 * main, on loopback here), a second one joins it by address and fingerprint — refused with a wrong
 * fingerprint, then checked for real — restarts connected, and works on the hub's data.
 */
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { ElectronHarness } from './harness'
import { ADMIN, bridge, call, firstRunAdmin, signIn } from './desk'

const harnesses: ElectronHarness[] = []
test.afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.dispose()
})

async function launch(options: Parameters<typeof ElectronHarness.launch>[0]) {
  const h = await ElectronHarness.launch(options)
  harnesses.push(h)
  return h
}

async function freePort(): Promise<number> {
  const probe = http.createServer()
  await new Promise<void>((r) => probe.listen(0, '0.0.0.0', r))
  const { port } = probe.address() as AddressInfo
  await new Promise((r) => probe.close(r))
  return port
}

/** The screen at the three sizes the desk is checked at. */
async function shot(page: Page, name: string, focus?: Locator) {
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height })
    await focus?.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join('test-results', 'electron', `${name}-${width}.png`) })
  }
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible()
}

test('an application desk shares itself as the hub; another joins it at first run and works on its data', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  // ---- The hub: first run, then Settings → Share this desk on the hospital network. ----
  const hub = await launch({ browser })
  const { page: hubPage } = await hub.window()
  await hubPage.setViewportSize({ width: 1366, height: 768 })
  await firstRunAdmin(hubPage)
  await signIn(hubPage, ADMIN, ADMIN.password)
  await openSettings(hubPage)
  const share = hubPage
    .getByRole('article')
    .filter({ has: hubPage.getByRole('heading', { name: 'Share this desk on the hospital network' }) })
  await share.getByLabel('Port').fill('80')
  await share.getByRole('button', { name: 'Share this desk' }).click()
  await expect(share.getByRole('alert')).toHaveText('must be a number from 1024 to 65535')
  // Main checks again, whatever the page sends.
  const refused80 = await bridge(hubPage, 'hub.share', { port: 80 })
  expect(refused80).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { field: 'port' } } })
  await shot(hubPage, 'hub-share-form', share)
  const port = await freePort()
  await share.getByLabel('Port').fill(String(port))
  await share.getByRole('button', { name: 'Share this desk' }).click()
  const url = share.getByTestId('hub-url')
  await expect(url).toHaveText(new RegExp(`^https://.+:${port}$`))
  const fingerprint = (await share.getByTestId('hub-fingerprint').innerText()).trim()
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  await expect(hubPage.getByText(/is now the hospital’s hub at https:/)).toBeVisible()
  // A shared hub cannot join another one.
  await expect(hubPage.getByText('Stop sharing it before it can join another desk')).toBeVisible()
  await shot(hubPage, 'hub-share', share)

  // ---- The second desk: first run → Connect to the hospital's desk. ----
  const joining = await launch({ browser })
  const { page } = await joining.window()
  await page.setViewportSize({ width: 1366, height: 768 })
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible()
  await page.getByRole('button', { name: 'Connect to the hospital’s desk' }).click()
  await expect(page.getByRole('heading', { name: 'Connect to the hospital’s desk' })).toBeVisible()
  const address = `https://127.0.0.1:${port}`
  await page.getByLabel('Hub address').fill(address)
  const wrong = fingerprint.startsWith('00') ? '11' + fingerprint.slice(2) : '00' + fingerprint.slice(2)
  await page.getByLabel('Certificate fingerprint (SHA-256)').fill(wrong)
  await page.getByRole('button', { name: 'Check and connect' }).click()
  await expect(page.getByText(/does not match: .* another fingerprint/)).toBeVisible()
  expect(joining.world.app.relaunched).toBe(false)
  await shot(page, 'hub-connect-refused')

  await page.getByLabel('Certificate fingerprint (SHA-256)').fill(fingerprint.toLowerCase())
  await page.getByRole('button', { name: 'Check and connect' }).click()
  await expect(page.getByTestId('hub-restarting')).toContainText(`Connected to 127.0.0.1:${port}`)
  await expect.poll(() => joining.world.app.exitCode).toBe(0)
  expect(joining.world.app.relaunched).toBe(true)

  // ---- Started again: connected, signing in with the hub's account, on the hub's data. ----
  await joining.dispose()
  const connected = await launch({ browser, userData: joining.userData })
  const { page: desk } = await connected.window()
  await desk.setViewportSize({ width: 1366, height: 768 })
  await signIn(desk, ADMIN, ADMIN.password)
  const created = await call<{ id: number; name: string }>(desk, 'hospitals.create', {
    name: 'Dhaka Medical College Hospital',
    address: 'Secretariat Road, Dhaka',
    phone: '+88029550001',
  })
  // Committed on the hub: the hub's own window lists it.
  const onHub = await call<{ items: { id: number }[] }>(hubPage, 'hospitals.list', {})
  expect(onHub.items.map((h) => h.id)).toContain(created.id)
  await openSettings(desk)
  const joined = desk
    .getByRole('article')
    .filter({ has: desk.getByRole('heading', { name: 'Connect to the hospital’s desk' }) })
  await expect(joined.getByTestId('hub-url')).toHaveText(address)
  await expect(joined.getByTestId('hub-fingerprint')).toHaveText(fingerprint)
  await expect(joined.getByRole('button', { name: 'Use this desk’s own data again' })).toBeVisible()
  await shot(desk, 'hub-connected', joined)

  // The hub stops sharing: its Settings say so, and the joined desk's calls say the hub is not answering.
  hubPage.once('dialog', (d) => void d.accept())
  await share.getByRole('button', { name: 'Stop sharing' }).click()
  await expect(hubPage.getByText('This desk is no longer shared')).toBeVisible()
  const refused = await bridge(desk, 'hospitals.list', {})
  expect(refused.ok).toBe(false)
  expect(!refused.ok && refused.error.message).toMatch(/not answering/)
})
