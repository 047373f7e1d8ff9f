/**
 * One hospital, two desks, one live state: a front desk and an authority in two browser contexts on
 * one server, nobody reloading anything.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, shot, signIn, startServe, test, type ServedDesk } from './fixtures'
import { addStaff, AUTHORITY, DESK_USER, openHospital, PASSWORD, setUpAdmin } from './world'

/** The world's hospital and its two desks, without the world's day: the queue starts empty. */
async function setUp(desk: ServedDesk) {
  const admin = await setUpAdmin(desk)
  const hospitalId = await openHospital(desk, admin)
  await addStaff(desk, admin, hospitalId)
  return { hospitalId }
}

/** Fill the new-booking form up to (not including) the submit, as a receptionist types it. */
async function typeBooking(page: Page, name: string, urgency = 'critical', resource = 'icu') {
  await page.getByLabel('Patient name').fill(name)
  await page.getByLabel('Age').fill('61')
  await page.getByLabel('Gender').selectOption('female')
  await page.getByLabel('Medical condition').fill('Respiratory failure, needs ventilation')
  await page.getByLabel('Urgency').selectOption(urgency)
  await page.getByLabel('Resource').selectOption(resource)
  await page.getByLabel('Contact name').fill('Fatema Begum')
  await page.getByLabel('Contact phone').fill('01711-223344')
  await page.getByLabel('Relationship').fill('Daughter')
}

test('a booking registered at the desk reaches the authority’s open queue with a toast; the approval reaches the desk', async ({
  page,
  desk,
  browser,
}) => {
  await setUp(desk)
  const authorityContext = await browser.newContext()
  const authority = await authorityContext.newPage()
  await signIn(authority, desk, AUTHORITY.email, PASSWORD)
  await authority.getByRole('button', { name: 'Bookings' }).click()
  await expect(authority.getByRole('heading', { name: 'Approval queue' })).toBeVisible()
  await expect(authority.getByText('No pending bookings.')).toBeVisible()
  await authority.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true))

  await signIn(page, desk, DESK_USER.email, PASSWORD)
  await page.keyboard.press('n')
  await expect(page.getByRole('heading', { name: 'New booking' })).toBeVisible()
  await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true))
  await typeBooking(page, 'Nasima Khatun')
  await expect(page.getByTestId('form-available')).toHaveText('4')
  await page.getByRole('button', { name: /Register booking/ }).click()
  const ref = await page.getByTestId('created-reference').innerText()
  await expect(page.getByTestId('unread-badge')).toHaveText('1')

  // Within 2 s, without a reload: the row in the authority's queue, and a toast naming it.
  const row = authority.getByTestId(`queue-row-${ref}`)
  await expect(row).toBeVisible({ timeout: 2000 })
  await expect(row).toContainText('Nasima Khatun')
  const toast = authority.getByTestId('toast').filter({ hasText: ref })
  await expect(toast).toBeVisible({ timeout: 2000 })
  await expect(toast).toContainText('New booking in your queue')
  // …and a notification kept for later: the badge counts it, the list names it.
  await expect(authority.getByTestId('unread-badge')).toHaveText('1', { timeout: 2000 })
  await authority.screenshot({ path: shot('live-authority-toast') })

  // The desk starts typing the next patient while the authority decides.
  await page.getByLabel('Patient name').fill('Abdul Karim')
  await authority.keyboard.press('a')
  await expect(row).toBeHidden()

  // The approval reaches the desk: a toast, the badge, the availability beside the form.
  const approved = page.getByTestId('toast').filter({ hasText: 'Booking approved' })
  await expect(approved).toBeVisible({ timeout: 2000 })
  await expect(approved).toContainText(ref)
  await expect(page.getByTestId('unread-badge')).toHaveText('2', { timeout: 2000 })
  await expect(page.getByTestId('form-available')).toHaveText('3', { timeout: 2000 })
  await expect(page.getByLabel('Patient name')).toHaveValue('Abdul Karim')
  await page.screenshot({ path: shot('live-desk-toast') })

  expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
    true,
  )
  expect(
    await authority.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true)
  await authorityContext.close()
})

test('an open board follows what other desks do: a booking registered elsewhere (with its toast), then approved elsewhere', async ({
  page,
  desk,
  browser,
}) => {
  const { hospitalId } = await setUp(desk)
  await signIn(page, desk, AUTHORITY.email, PASSWORD)
  await page.keyboard.press('b')
  await expect(page.getByRole('heading', { name: 'Availability board' })).toBeVisible()
  const icu = page.getByTestId(`board-${hospitalId}-icu`)
  await expect(icu).toContainText('4 free / 4')

  const deskContext = await browser.newContext()
  const other = await deskContext.newPage()
  await signIn(other, desk, DESK_USER.email, PASSWORD)
  await other.keyboard.press('n')
  await typeBooking(other, 'Rokeya Sultana')
  await other.getByRole('button', { name: /Register booking/ }).click()
  const ref = await other.getByTestId('created-reference').innerText()
  await expect(page.getByTestId('toast').filter({ hasText: ref })).toBeVisible({ timeout: 2000 })

  // Approved by the same authority at another workstation: the open board follows.
  const elsewhere = await desk.api<{ token: string }>('auth.login', {
    email: AUTHORITY.email,
    password: PASSWORD,
  })
  const [booking] = (
    await desk.api<{ items: { id: number }[] }>('bookings.list', { status: 'pending' }, elsewhere.token)
  ).items
  await desk.api('bookings.approve', { id: booking!.id }, elsewhere.token)
  await expect(icu).toContainText('3 free / 4', { timeout: 2000 })
  await page.screenshot({ path: shot('live-board') })
  await deskContext.close()
})

test('the server stopped mid-form: the desk says so, keeps the form, and recovers on restart without a reload', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapidcare-e2e-live-'))
  const dbPath = path.join(dir, 'desk.sqlite')
  let served = await startServe(dbPath)
  const port = Number(new URL(served.url).port)
  const api = async <T>(channel: string, input: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${served.url}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    })
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } }
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`)
    return body.value as T
  }
  const stop = async () => {
    served.child.kill('SIGTERM')
    await new Promise((r) => served.child.once('exit', r))
  }
  try {
    await setUp({ url: served.url, setupCode: served.setupCode, dbPath, dir, api })
    await signIn(
      page,
      { url: served.url, setupCode: served.setupCode, dbPath, dir, api },
      DESK_USER.email,
      PASSWORD,
    )
    await page.keyboard.press('n')
    await expect(page.getByRole('heading', { name: 'New booking' })).toBeVisible()
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true))
    await typeBooking(page, 'Shahana Parvin', 'high', 'beds')

    await stop()
    const banner = page.getByTestId('connection-banner')
    await expect(banner).toBeVisible({ timeout: 3000 })
    await expect(banner).toContainText(`The hospital’s desk at 127.0.0.1:${port} is not answering since`)
    await expect(banner).toContainText('retrying')
    await expect(page.getByLabel('Patient name')).toHaveValue('Shahana Parvin')
    await page.screenshot({ path: shot('live-desk-down') })

    served = await startServe(dbPath, port)
    await expect(banner).toBeHidden({ timeout: 10_000 })
    await expect(page.getByLabel('Patient name')).toHaveValue('Shahana Parvin')
    await expect(page.getByLabel('Relationship')).toHaveValue('Daughter')
    await page.getByRole('button', { name: /Register booking/ }).click()
    await expect(page.getByTestId('created-reference')).toHaveText(/^RC-\d{4}-000001$/)
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    )
  } finally {
    await stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
