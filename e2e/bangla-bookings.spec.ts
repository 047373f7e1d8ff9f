/**
 * The booking desk in Bangla: the front desk and the authority switch to বাংলা in the sidebar and
 * walk the queue, a new booking (with a refusal), a booking, the admission slip, the board, the
 * shortcuts, resources and the audit trail. On every screen no English sentence of these areas'
 * catalogues may be left visible, and each is photographed at 1366×768 and 1024×768 for a person
 * to look at.
 */
import type { Page } from '@playwright/test'
import { addDays, format } from 'date-fns'
import { toBanglaDigits } from '../src/shared/locale/digits'
import * as audit from '../src/shared/i18n/areas/audit'
import * as bookings from '../src/shared/i18n/areas/bookings'
import * as common from '../src/shared/i18n/areas/common'
import * as print from '../src/shared/i18n/areas/print'
import * as resources from '../src/shared/i18n/areas/resources'
import { bn } from '../src/shared/i18n/bn'
import { expect, shot, signIn, test } from './fixtures'
import { AUTHORITY, buildWorld, DESK_USER, PASSWORD } from './world'

/** Every English string of these areas, `{{placeholders}}` and `<tags>` included. */
function strings(tree: object): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v as object)))
}
const ENGLISH = [audit.en, bookings.en, print.en, resources.en].flatMap(strings)

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const untagged = (s: string) => s.replace(/<\/?\w+\/?>/g, '')

/**
 * A catalogue string is "visible in English" when an element's whole text (or a label, placeholder,
 * title or alt) is that string with its placeholders filled, or when a piece of it of two words or
 * more appears anywhere. Single words are only caught whole: a hospital called "… Hospital" is data.
 */
const WHOLE = ENGLISH.flatMap((s) => {
  const parts = untagged(s).split(/\{\{\s*\w+\s*\}\}/)
  // "{{free}} of {{total}}" says too little of its own to tell it from any text with " of " in it.
  if (parts.join('').replace(/[^A-Za-z]/g, '').length < 4) return []
  const re = parts.map((p) => escape(p).replace(/\s+/g, '\\s+')).join('.+?')
  return [{ s, re: new RegExp(`^${re}$`) }]
})
const PIECES = [
  ...new Set(
    ENGLISH.flatMap((s) => untagged(s).split(/\{\{\s*\w+\s*\}\}/))
      .map((p) => p.replace(/^[\s.,:;()+·–—←→]+|[\s.,:;()+·–—←→]+$/g, ''))
      .filter((p) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(p) && p.length >= 6),
  ),
]

/** What a user can read on the page now: element texts, labels, placeholders, titles, choices. */
async function visibleTexts(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const out = []
    for (const el of document.querySelectorAll('body *')) {
      const visible = el.tagName === 'OPTION' || el.getClientRects().length > 0
      if (!visible || getComputedStyle(el).visibility === 'hidden') continue
      const text = (el.tagName === 'OPTION' ? el.textContent : el.innerText) || ''
      const clean = text.replace(/\\s+/g, ' ').trim()
      if (clean && clean.length < 500) out.push(clean)
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(a)
        if (v) out.push(v.trim())
      }
    }
    return out
  })()`)) as string[]
}

async function noEnglishLeft(page: Page, screen: string): Promise<void> {
  // Let a language switch and the data settle before reading.
  await page.waitForTimeout(150)
  const texts = await visibleTexts(page)
  const left = new Set<string>()
  for (const t of texts) {
    for (const { s, re } of WHOLE) if (re.test(t)) left.add(`"${t}" is ${JSON.stringify(s)}`)
    for (const p of PIECES) if (t.includes(p)) left.add(`"${t}" contains "${p}"`)
  }
  // Soft: every screen is still walked and photographed, and the test fails listing them all.
  expect.soft([...left], `English left on ${screen}`).toEqual([])
}

/** 1366×768 to look at, then 1024×768 where the longer Bangla words must still fit. */
async function photograph(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: shot(`bn-${name}-1366`) })
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.waitForTimeout(100)
  await page.screenshot({ path: shot(`bn-${name}-1024`) })
  // Nothing pushed past the window's right edge: the page never scrolls sideways.
  const overflow = (await page.evaluate(
    `document.documentElement.scrollWidth - document.documentElement.clientWidth`,
  )) as number
  expect(overflow, `${name} scrolls sideways at 1024`).toBeLessThanOrEqual(0)
  await page.setViewportSize({ width: 1366, height: 768 })
}

async function toBangla(page: Page): Promise<void> {
  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn')
}

const B = bookings.bn

/**
 * The fonts Chromium drew an element's text with, and how many glyphs each drew (DevTools' own
 * answer, not the font the stylesheet asks for): a Bengali glyph missing from every face in the
 * stack would be drawn by a system fallback, or as a box, and show up here under another name.
 */
async function fontsDrawing(page: Page, selector: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument')
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  await cdp.detach()
  return Object.fromEntries(fonts.map((f) => [f.familyName, f.glyphCount]))
}

test('the front desk in Bangla: queue, new booking with a refusal, a booking, its slip, admitting, the board', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await buildWorld(desk)
  await signIn(page, desk, DESK_USER.email, PASSWORD)
  await toBangla(page)

  // The queue: today's bookings, the approved one ready to admit.
  await page.keyboard.press('q')
  await expect(page.getByRole('heading', { name: B.queue.title.desk, exact: true })).toBeVisible()
  await expect(page.getByRole('tab', { name: B.views.today })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: B.queue.col.patient })).toBeVisible()
  await expect(page.getByPlaceholder(B.queue.searchPlaceholder)).toBeVisible()
  const jamal = page.locator('tr', { hasText: 'Jamal Uddin' })
  await expect(jamal.getByRole('button', { name: B.row.admit })).toBeVisible()
  await expect(page.getByText(B.row.overdue).first()).toBeVisible()
  await noEnglishLeft(page, 'the queue')
  await photograph(page, 'queue')
  // Wide enough for the highlighted booking beside the queue.
  await page.setViewportSize({ width: 1920, height: 1080 })
  await expect(page.locator('.queue-preview')).toContainText(B.preview.needs)
  await noEnglishLeft(page, 'the queue with its preview')
  await page.screenshot({ path: shot('bn-queue-1920') })
  await page.setViewportSize({ width: 1366, height: 768 })

  // A new booking: Enter on the empty form is refused field by field, in Bangla labels.
  await page.keyboard.press('n')
  await expect(page.getByRole('heading', { name: B.form.title, exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: B.availability.title })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator('.field--invalid').first()).toBeVisible()
  await expect(page.getByLabel(B.form.patientName)).toBeFocused()
  await noEnglishLeft(page, 'the new booking refused')
  await photograph(page, 'new-booking-refused')

  await page.getByLabel(B.form.patientName).fill('রহিমা খাতুন')
  await page.getByLabel(B.form.age).fill('৬৭')
  await page.getByLabel(B.form.gender).selectOption({ label: common.bn.gender.female })
  await page.getByLabel(B.form.condition).fill('শ্বাসকষ্ট')
  // The stay starts in the desk's digits, and a stay typed in Bangla digits is priced.
  await expect(page.getByLabel(B.form.stay)).toHaveValue('২৪')
  await page.getByLabel(B.form.stay).fill('৪৮')
  await expect(page.getByTestId('quote-total')).toHaveText(/^৳[০-৯,]+\.[০-৯]{2}$/)
  await page.getByLabel(B.form.contactName).fill('করিম মিয়া')
  await page.getByLabel(B.form.contactPhone).fill('০১৭১১-২২৩৩৪৪')
  await page.getByLabel(B.form.relationship).fill('ছেলে')
  await page.getByRole('button', { name: B.form.register }).click()
  await expect(page.getByTestId('created-reference')).toHaveText(/^RC-\d{4}-\d{6}$/)
  await expect(page.locator('.created')).toContainText('রহিমা খাতুন-এর জন্য নিবন্ধিত')
  await expect(page.getByText('তৈরি হয়েছে: রহিমা খাতুন, অনুমোদনের অপেক্ষায়।')).toBeVisible()
  await noEnglishLeft(page, 'the new booking registered')
  await photograph(page, 'new-booking-created')

  // The admitted booking: its facts, its history, its slip. Found by its contact's phone typed in
  // Bangla digits, as a receptionist on a Bangla layout types it.
  await page.keyboard.press('Escape')
  await page.keyboard.press('/')
  await page.getByRole('tab', { name: B.views.all }).click()
  await page.getByLabel(B.queue.search).fill('০১৭১১-২২৩')
  await expect(page.locator('tr', { hasText: 'Sultana Razia' })).toBeVisible()
  await page.getByLabel(B.queue.search).fill('Sultana')
  await page.locator('tr', { hasText: 'Sultana Razia' }).click()
  await expect(page.getByRole('heading', { name: 'Sultana Razia' })).toBeVisible()
  // The phone in Bangla digits (read aloud, dialled), drawn by the bundled font inside its monospace
  // cell; the reference stays a code in ASCII (receiptNumber says why).
  await expect(page.getByTestId('detail-phone')).toHaveText('০১৭১১-২২৩৩৪৪')
  await expect(page.locator('.detail__ref')).toHaveText(/^RC-\d{4}-\d{6}$/)
  const drawn = await fontsDrawing(page, '[data-testid="detail-phone"]')
  expect(drawn['Noto Sans Bengali'], 'Bangla digits drawn by the bundled font').toBe(11)
  // ASCII in the same stack is still drawn by a monospace face.
  expect(Object.keys(await fontsDrawing(page, '.detail__ref'))).not.toContain('Noto Sans Bengali')
  await expect(page.getByRole('heading', { name: B.detail.emergencyContact })).toBeVisible()
  await expect(page.getByRole('list', { name: B.detail.statusHistory })).toContainText(B.detail.registered)
  await expect(page.getByText(B.detail.nothingForYou)).toBeVisible()
  await noEnglishLeft(page, 'a booking')
  await photograph(page, 'detail')

  await page.getByRole('button', { name: B.detail.slip }).click()
  const slip = page.getByRole('dialog', { name: print.bn.slip.title })
  await expect(slip.getByRole('button', { name: print.bn.slip.print })).toBeVisible()
  await expect(slip).toContainText(print.bn.slip.admittedBy)
  await expect(slip).toContainText('০১৭১১-২২৩৩৪৪')
  await expect(slip.getByTestId('slip-reference')).toHaveText(/^RC-\d{4}-\d{6}$/)
  await expect(slip.getByRole('img', { name: /-এর কিউআর কোড$/ })).toBeVisible()
  await noEnglishLeft(page, 'the admission slip')
  await photograph(page, 'slip')
  // Printed to PDF (Chromium's printer, as Electron's Save as PDF is): the Bangla is drawn in the
  // bundled font, embedded in the file, so it prints on a machine with no Bengali font of its own.
  const pdf = (
    await page.pdf({ path: shot('bn-slip').replace(/\.png$/, '.pdf'), format: 'A4', printBackground: true })
  ).toString('latin1')
  expect(pdf).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansBengali/)
  expect(pdf).toMatch(/\/FontFile2/)
  await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: shot('bn-slip-print') })
  await page.emulateMedia({ media: 'screen' })
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: B.detail.back }).click()

  // Admitting from the queue: the toast says it in Bangla and the slip opens, ready to print.
  await page.getByLabel(B.queue.search).fill('')
  await page.getByRole('tab', { name: B.views.approved }).click()
  await page.locator('tr', { hasText: 'Jamal Uddin' }).getByRole('button', { name: B.row.admit }).click()
  await expect(page.getByText('প্রিন্টের জন্য প্রস্তুত').first()).toBeVisible()
  await expect(page.getByRole('dialog', { name: print.bn.slip.title })).toContainText('Jamal Uddin')
  await page.keyboard.press('Escape') // the slip
  await page.keyboard.press('Escape') // the booking: back on the queue, in its search box
  await page.keyboard.press('Escape') // out of the search box, so single keys are shortcuts again

  // The board.
  await page.keyboard.press('b')
  await expect(page.getByRole('heading', { name: B.board.title })).toBeVisible()
  await expect(page.getByText(/টি হাসপাতালে খালি/).first()).toBeVisible()
  await expect(page.locator('.board__nums').first()).toContainText('সংরক্ষিত')
  await noEnglishLeft(page, 'the board')
  await photograph(page, 'board')

  // The shortcuts.
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: B.help.title })).toContainText(B.help.approve)
  await noEnglishLeft(page, 'the shortcuts')
  await photograph(page, 'shortcuts')
})

test('the authority in Bangla: a decline without a reason, resources edited, the audit trail verified', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await buildWorld(desk)
  await signIn(page, desk, AUTHORITY.email, PASSWORD)
  await toBangla(page)

  await page.getByRole('button', { name: bn.nav.bookings, exact: true }).click()
  await expect(page.getByRole('heading', { name: B.queue.title.authority })).toBeVisible()
  await expect(page.getByTestId(/^queue-row-/).first()).toHaveClass(/is-selected/)
  await page.keyboard.press('d')
  const reason = page.getByLabel(/প্রত্যাখ্যানের কারণ$/)
  await expect(reason).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: /^কারণ / })).toBeVisible()
  await noEnglishLeft(page, 'the approval queue')
  await photograph(page, 'approval-queue')
  await page.keyboard.press('Escape')

  // Resources: the beds card edited, with the preview in Bangla, a count typed in Bangla digits.
  await page.getByRole('button', { name: bn.nav.resources, exact: true }).click()
  await expect(page.getByRole('heading', { name: resources.bn.title, exact: true })).toBeVisible()
  const beds = page.getByTestId('resource-beds')
  await beds.getByRole('button', { name: /সম্পাদনা করুন$/ }).click()
  await expect(beds.getByRole('textbox', { name: resources.bn.edit.maintenance })).toHaveValue('০')
  await beds.getByRole('textbox', { name: resources.bn.edit.total, exact: true }).fill(toBanglaDigits('14'))
  await beds.getByLabel(resources.bn.edit.reason).fill('নতুন ওয়ার্ড চালু হয়েছে')
  await expect(beds.locator('.resource-edit__preview')).toContainText('টি খালি থাকবে')
  await noEnglishLeft(page, 'resources, editing')
  await photograph(page, 'resources')
  await beds.getByRole('button', { name: resources.bn.edit.save }).click()
  await expect(beds.getByText(/^হালনাগাদ: /)).toBeVisible()
  await expect(page.getByText(/শয্যা সংরক্ষিত: মোট ১৪টির মধ্যে ১২টি খালি।$/)).toBeVisible()

  // The audit trail, and its verification.
  await page.getByRole('button', { name: bn.nav.audit, exact: true }).click()
  await expect(page.getByRole('heading', { name: audit.bn.title, exact: true })).toBeVisible()
  await expect(page.getByText('নতুন ওয়ার্ড চালু হয়েছে')).toBeVisible()
  // The desk's own reasons in Bangla too, and a day filter typed day first in Bangla digits.
  await expect(page.getByText(/^“RC-\d{4}-\d{6} ভর্তি”$/)).toBeVisible()
  await page
    .getByLabel(audit.bn.filter.from)
    .fill(toBanglaDigits(format(addDays(new Date(), 1), 'dd/MM/yyyy')))
  await expect(page.getByText(audit.bn.emptyFiltered)).toBeVisible()
  await page.getByRole('button', { name: audit.bn.filter.clear }).click()
  await expect(page.getByTestId('audit-row').first()).toBeVisible()
  await page.getByRole('button', { name: audit.bn.verify }).click()
  await expect(page.getByRole('status').filter({ hasText: 'ইতিহাসের সঙ্গে মেলে' })).toBeVisible()
  await noEnglishLeft(page, 'the audit trail')
  await photograph(page, 'audit')
})
