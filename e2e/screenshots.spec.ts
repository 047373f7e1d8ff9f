/**
 * The README's pictures: the main screens at 1366×768, taken from the real desk with a small
 * hospital network in it. Written to docs/screenshots (committed); run with SCREENSHOTS=1.
 */
import path from 'node:path'
import type { Page } from '@playwright/test'
import { ADMIN, expect, signIn, test } from './fixtures'
import { AUTHORITY, buildWorld, DESK_USER, PASSWORD } from './world'

const DIR = path.join('docs', 'screenshots')

test.skip(!process.env.SCREENSHOTS, 'README screenshots are taken on request (SCREENSHOTS=1)')

async function open(page: Page, area: string, name: string): Promise<void> {
  await page
    .locator('nav[aria-label="Desk areas"] ul')
    .getByRole('button', { name: area, exact: true })
    .click()
  await expect(page.locator('main h1').first()).toBeVisible()
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0)
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(DIR, `${name}.png`) })
}

test('README screenshots at 1366×768', async ({ page, desk, browser }) => {
  test.setTimeout(180_000)
  await buildWorld(desk)
  await page.setViewportSize({ width: 1366, height: 768 })

  await signIn(page, desk, DESK_USER.email, PASSWORD)
  await open(page, 'Overview', 'front-desk-overview')
  await open(page, 'New booking', 'new-booking')
  await open(page, 'Availability', 'availability-board')
  await open(page, 'Payments', 'payments')

  const authority = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await signIn(authority, desk, AUTHORITY.email, PASSWORD)
  await authority
    .locator('nav[aria-label="Desk areas"] ul')
    .getByRole('button', { name: 'Bookings', exact: true })
    .click()
  await expect(authority.getByRole('heading', { name: 'Approval queue' })).toBeVisible()
  await authority.waitForTimeout(300)
  await authority.screenshot({ path: path.join(DIR, 'approval-queue.png') })
  await authority.close()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, desk, ADMIN.email, ADMIN.password)
  await open(page, 'Hospitals', 'hospitals')
  await open(page, 'Resources', 'resources')
  await open(page, 'Audit trail', 'audit-trail')
})
