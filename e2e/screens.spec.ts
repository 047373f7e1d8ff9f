/**
 * Every screen and every dialog, for every role: axe-core finds no critical or serious violation,
 * and at the three desk sizes nothing overflows sideways and no dialog is cut off.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { ADMIN, expect, signIn, test } from './fixtures'
import { AUTHORITY, buildWorld, DESK_USER, PASSWORD } from './world'

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]

const ROLES = [
  { role: 'admin', email: ADMIN.email, password: ADMIN.password },
  { role: 'hospital-authority', email: AUTHORITY.email, password: PASSWORD },
  { role: 'user', email: DESK_USER.email, password: PASSWORD },
] as const

/** Critical and serious violations on the page (or inside `within`), as readable lines. */
async function violations(page: Page, where: string, within?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  if (within) builder = builder.include(within)
  const result = await builder.analyze()
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    )
}

/** Runs in the page: sideways overflow of the page or the content area, dialogs not inside the window. */
const LAYOUT_PROBLEMS = `(() => {
  const out = []
  const doc = document.documentElement
  if (doc.scrollWidth > window.innerWidth + 1) out.push('page is ' + doc.scrollWidth + 'px wide in ' + window.innerWidth + 'px')
  const main = document.querySelector('main')
  if (main && main.scrollWidth > main.clientWidth + 1)
    out.push('content is ' + main.scrollWidth + 'px wide in ' + main.clientWidth + 'px')
  for (const d of document.querySelectorAll('[role="dialog"]')) {
    const r = d.getBoundingClientRect()
    const name = d.querySelector('h2') ? d.querySelector('h2').textContent : 'a dialog'
    if (r.left < -1 || r.right > window.innerWidth + 1) out.push('dialog ' + name + ' is cut off sideways')
    if (r.top < -1 || r.bottom > window.innerHeight + 1) out.push('dialog ' + name + ' runs out of the window (' + Math.round(r.top) + ' to ' + Math.round(r.bottom) + ' in ' + window.innerHeight + ')')
    if (d.scrollWidth > d.clientWidth + 1) out.push('dialog ' + name + ' is ' + d.scrollWidth + 'px wide in ' + d.clientWidth + 'px')
  }
  return out
})()`

/** Sideways overflow of the page or of the content area, and dialogs not inside the window. */
async function layoutProblems(page: Page, where: string): Promise<string[]> {
  // A chart sizes itself to its box from a ResizeObserver, which runs before the next paint: let two
  // frames pass after a resize, so what is measured is what a person would see.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
  const found = await page.evaluate<string[]>(LAYOUT_PROBLEMS)
  return found.map((f) => `${where}: ${f}`)
}

async function areas(page: Page): Promise<string[]> {
  // Each entry reads "<icon>\n<label>"; the icon is hidden from assistive technology.
  const texts = await page.locator('nav[aria-label="Desk areas"] ul button').allInnerTexts()
  return texts.map((t) => t.split('\n').pop()!.trim())
}

async function goTo(page: Page, area: string): Promise<void> {
  await page
    .locator('nav[aria-label="Desk areas"] ul')
    .getByRole('button', { name: area, exact: true })
    .click()
  await expect(page.locator('main h1').first()).toBeVisible()
  // Let the screen's first answers arrive (no list still saying Loading…).
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0)
}

for (const who of ROLES) {
  test(`${who.role}: every screen and dialog passes axe and fits 1024, 1366 and 1920 wide`, async ({
    page,
    desk,
  }) => {
    test.setTimeout(240_000)
    await buildWorld(desk)
    await page.setViewportSize(SIZES[1]!)
    await signIn(page, desk, who.email, who.password)
    const problems: string[] = []
    for (const area of await areas(page)) {
      const name = area.trim()
      await goTo(page, name)
      problems.push(...(await violations(page, `${who.role} / ${name}`)))
      for (const size of SIZES) {
        await page.setViewportSize(size)
        problems.push(...(await layoutProblems(page, `${who.role} / ${name} @${size.width}x${size.height}`)))
      }
      await page.setViewportSize(SIZES[0]!)
      // Every dialog the screen opens: checked at the smallest size, where clipping happens.
      const openers = page.locator('main [aria-haspopup="dialog"]:visible')
      const labels = [...new Set(await openers.allInnerTexts())]
      for (const label of labels) {
        const opener = page.locator('main [aria-haspopup="dialog"]:visible', { hasText: label }).first()
        if (!(await opener.isEnabled())) continue
        await opener.click()
        const dialog = page.getByRole('dialog').last()
        await expect(dialog).toBeVisible()
        const where = `${who.role} / ${name} / dialog "${label.trim()}"`
        problems.push(...(await violations(page, where, '[role="dialog"]')))
        problems.push(...(await layoutProblems(page, where)))
        await page.keyboard.press('Escape')
        await expect(page.getByRole('dialog')).toHaveCount(0)
      }
      await page.setViewportSize(SIZES[1]!)
    }
    // The shell's own dialogs: shortcuts and notifications.
    for (const [label, opener] of [
      ['Keyboard shortcuts', page.getByRole('button', { name: 'Keyboard shortcuts' })],
      ['Notifications', page.getByRole('button', { name: /^Notifications/ })],
    ] as const) {
      await opener.click()
      await expect(page.getByRole('dialog')).toBeVisible()
      problems.push(...(await violations(page, `${who.role} / ${label}`, '[role="dialog"]')))
      await page.setViewportSize(SIZES[0]!)
      problems.push(...(await layoutProblems(page, `${who.role} / ${label}`)))
      await page.setViewportSize(SIZES[1]!)
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)
    }
    expect(problems).toEqual([])
  })
}
