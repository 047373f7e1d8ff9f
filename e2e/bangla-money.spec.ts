/**
 * Payments, the cash drawer and the reports in Bangla, end to end: the sidebar switch to বাংলা, then
 * every screen and dialog of those areas, checking that the key Bangla words are there and that no
 * English phrase of their catalogue (areas payments, wallet, reports) is left on screen. Names are
 * Bangla, as at a Bangladeshi desk, so an English word on screen can only be one the desk wrote.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Locator, Page } from '@playwright/test'
import { format, subDays } from 'date-fns'
import Papa from 'papaparse'
import { formatLongDay } from '../src/shared/format'
import { toBanglaDigits } from '../src/shared/locale/digits'
import * as paymentsWords from '../src/shared/i18n/areas/payments'
import * as reportsWords from '../src/shared/i18n/areas/reports'
import * as walletWords from '../src/shared/i18n/areas/wallet'
import * as settingsWords from '../src/shared/i18n/areas/settings'
import { ADMIN, expect, seedAdmin, shot, signIn, test, type ServedDesk } from './fixtures'

const PASSWORD = 'desk-password-42'
const DHAKA = 'ঢাকা মেডিকেল কলেজ হাসপাতাল'
const SQUARE = 'স্কয়ার হাসপাতাল'

/**
 * The English phrases of the three areas, cut at their placeholders ({{amount}}, <hospital/>). Kept:
 * a whole string, or a piece with a word of three letters or more ("Booking", not "of").
 * Left out: what stays Latin in Bangla too (file formats, the product's name).
 */
const KEPT_LATIN = new Set(['CSV', 'RapidCare Desk'])
function phrases(tree: object): string[] {
  return Object.values(tree).flatMap((v: unknown) => {
    if (typeof v !== 'string') return phrases(v as object)
    const pieces = v.split(/\{\{\w+\}\}|<\/?\w+\s*\/?>/)
    return pieces
      .map((p) => p.replace(/^[^A-Za-z]+|[^A-Za-z)]+$/g, ''))
      .filter((p) => (pieces.length === 1 ? /[A-Za-z]{2}/.test(p) : /[A-Za-z]{3}/.test(p)))
      .filter((p) => !KEPT_LATIN.has(p))
  })
}
const ENGLISH = [
  ...new Set([...phrases(paymentsWords.en), ...phrases(walletWords.en), ...phrases(reportsWords.en)]),
]

/** The page's elements, typed as much as this needs (the e2e project has no DOM types). */
interface Element {
  innerText: string
  textContent: string | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { width: number; height: number }
  querySelectorAll(selector: string): Iterable<Element>
}

/** What a person can read in `scope`: its text, the options of its lists, labels, titles, placeholders. */
async function readable(scope: Locator): Promise<string> {
  return scope.evaluate((root: unknown) => {
    const el = root as Element
    const parts = [el.innerText]
    for (const o of el.querySelectorAll('option')) parts.push(o.textContent ?? '')
    for (const e of el.querySelectorAll('[aria-label], [title], [placeholder]')) {
      const box = e.getBoundingClientRect()
      if (!box.width && !box.height) continue
      for (const a of ['aria-label', 'title', 'placeholder']) parts.push(e.getAttribute(a) ?? '')
    }
    return parts.join('\n')
  })
}

/** The English phrases of our catalogue found on screen (none, in Bangla). */
async function englishLeft(scope: Page | Locator): Promise<string[]> {
  const text = await readable('goto' in scope ? scope.locator('body') : scope)
  return ENGLISH.filter((p) =>
    new RegExp(`(?<![A-Za-z])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(text),
  )
}

async function noEnglish(scope: Page | Locator, where: string) {
  // Soft: one run lists every screen with English left, not only the first.
  expect.soft(await englishLeft(scope), `English left on ${where}`).toEqual([])
}

/** Nothing runs off the side at the smallest supported window. */
async function fitsAt1024(page: Page, name: string) {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.screenshot({ path: shot(`${name}-1024`) })
  const overflow = await page.evaluate<number>(
    '(document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth)',
  )
  expect(overflow, `${name} is wider than 1024 px`).toBeLessThanOrEqual(0)
  await page.setViewportSize({ width: 1366, height: 768 })
}

/** The sidebar's one-click switch (it names the other language); a desk already in Bangla stays. */
async function toBangla(page: Page) {
  const toggle = page.getByTestId('language-switch')
  if ((await toggle.innerText()).includes('বাংলা')) await toggle.click()
  await expect(toggle).toContainText('English')
  await expect(page.getByRole('button', { name: 'সাইন আউট' })).toBeVisible()
}

/** A sidebar area; its page heading is checked where it is one of ours. */
async function go(page: Page, area: string, heading: string | null = area) {
  await page
    .getByRole('navigation', { name: 'ডেস্কের বিভাগ' })
    .getByRole('button', { name: area, exact: true })
    .click()
  if (heading) await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

async function deskFor(browser: Browser, desk: ServedDesk, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
  const page = await context.newPage()
  await signIn(page, desk, email, PASSWORD)
  await toBangla(page)
  return page
}

async function setUp(desk: ServedDesk) {
  const admin = await seedAdmin(desk)
  const hospital = async (name: string, beds: number) => {
    const h = await desk.api<{ id: number }>(
      'hospitals.create',
      { name, address: 'ঢাকা', phone: '+88029550001' },
      admin,
    )
    await desk.api('hospitals.approve', { id: h.id }, admin)
    for (const [resourceType, total] of [
      ['beds', beds],
      ['icu', 2],
    ] as const)
      await desk.api(
        'resources.update',
        { hospitalId: h.id, resourceType, total, maintenance: 0, reason: 'শুরুর গণনা' },
        admin,
      )
    return h.id
  }
  const dhaka = await hospital(DHAKA, 20)
  await hospital(SQUARE, 4)
  const staff = async (role: string, name: string, email: string) => {
    await desk.api('users.create', { name, email, password: PASSWORD, role, hospitalId: dhaka }, admin)
    return (await desk.api<{ token: string }>('auth.login', { email, password: PASSWORD })).token
  }
  const rina = await staff('user', 'রিনা আক্তার', 'rina@dmch.test')
  const kamal = await staff('hospital-authority', 'ডা. কামাল হোসেন', 'kamal@dmch.test')
  await desk.api(
    'pricing.set',
    {
      hospitalId: dhaka,
      resourceType: 'beds',
      basePrice: 100_000,
      pricePerDay: 300_000,
      effectiveFrom: new Date(Date.now() - 3_600_000).toISOString(),
    },
    kamal,
  )
  const book = (patientName: string) =>
    desk.api<{ id: number; bookingReference: string }>(
      'bookings.create',
      {
        hospitalId: dhaka,
        resourceType: 'beds',
        patientName,
        patientAge: 54,
        patientGender: 'male',
        medicalCondition: 'বুকে ব্যথা',
        urgency: 'high',
        emergencyContactName: 'ফাতেমা বেগম',
        emergencyContactPhone: '+8801711223344',
        emergencyContactRelationship: 'স্ত্রী',
        scheduledDate: new Date(Date.now() + 10 * 60_000).toISOString(),
        estimatedDuration: 48,
      },
      rina,
    )
  // Discharged with a deposit paid: a bill with a balance due.
  const discharged = await book('মোহাম্মদ রহিম উদ্দিন')
  await desk.api('bookings.approve', { id: discharged.id }, kamal)
  await desk.api('bookings.admit', { id: discharged.id }, rina)
  await desk.api('payments.record', { bookingId: discharged.id, amount: 50_000, paymentMethod: 'cash' }, rina)
  await desk.api('bookings.discharge', { id: discharged.id }, kamal)
  // Approved: the front desk takes a bKash deposit on it, then it is cancelled and refunded.
  const refunded = await book('আব্দুল করিম')
  await desk.api('bookings.approve', { id: refunded.id }, kamal)
  // Pending: the authority refers it to the other hospital.
  const referred = await book('শিরিন আখতার')
  await desk.api('wallet.deposit', { amount: 50_000, description: 'শিফট শুরুর খুচরা টাকা' }, rina)
  return { dhaka, rina, discharged, refunded, referred }
}

test('payments, the cash drawer and the reports in Bangla: no English left, Bangla drawn in the bundled font', async ({
  browser,
  desk,
}) => {
  test.setTimeout(180_000)
  const w = await setUp(desk)

  // The front desk, in Bangla.
  const rina = await deskFor(browser, desk, 'rina@dmch.test')
  await go(rina, 'পেমেন্ট')
  await expect(rina.getByRole('tab', { name: 'সব পেমেন্ট' })).toBeVisible()
  await expect(rina.getByRole('table', { name: 'পেমেন্ট' })).toContainText('ক্যাশ')
  await expect(rina.getByText(/১টি পেমেন্ট|1টি পেমেন্ট/)).toBeVisible()
  await noEnglish(rina, 'the payments list')
  await rina.screenshot({ path: shot('bangla-payments-1366') })
  await fitsAt1024(rina, 'bangla-payments')

  // Record a payment: an amount with a fraction of a paisa is refused beside the field, in Bangla.
  await rina.getByRole('button', { name: '+ পেমেন্ট গ্রহণ করুন' }).click()
  const pay = rina.getByRole('dialog', { name: 'পেমেন্ট গ্রহণ' })
  await pay.getByLabel('বুকিং').fill('আব্দুল')
  await pay.getByRole('button', { name: new RegExp(w.refunded.bookingReference) }).click()
  await pay.getByLabel('পরিমাণ').fill('১৫০০.০০৫')
  await pay.getByLabel('মাধ্যম').selectOption('bkash')
  await expect(pay.getByLabel('লেনদেন আইডি (TrxID)')).toBeVisible()
  await pay.getByRole('button', { name: 'পেমেন্ট গ্রহণ করুন' }).click()
  await expect(pay.getByRole('alert').first()).toContainText('পয়সার ভগ্নাংশ')
  await noEnglish(rina, 'the record-payment dialog')
  await rina.screenshot({ path: shot('bangla-record-payment-error-1366') })
  await fitsAt1024(rina, 'bangla-record-payment-error')
  await pay.getByLabel('পরিমাণ').fill('১৫০০')
  // Main's refusal, too, reaches the front desk in Bangla beside the field it names.
  await pay.getByRole('button', { name: 'পেমেন্ট গ্রহণ করুন' }).click()
  await expect(pay.getByRole('alert').first()).toContainText('ক্যাশ ছাড়া')
  await pay.getByLabel('লেনদেন আইডি (TrxID)').fill('9H7G5F3D1S')
  await pay.getByRole('button', { name: 'পেমেন্ট গ্রহণ করুন' }).click()

  await expect(rina.getByTestId('toasts')).toContainText('গৃহীত হয়েছে')
  // The receipt.
  const receipt = rina.getByRole('dialog', { name: 'পেমেন্টের রসিদ' })
  await expect(receipt).toContainText('গৃহীত পরিমাণ')
  await expect(receipt).toContainText('বিকাশ')
  await expect(receipt).toContainText('আব্দুল করিম')
  await expect(receipt.getByTestId('receipt-amount')).toHaveText(/^৳(1,500\.00|১,৫০০\.০০)$/)
  // The hospital's phone in Bangla digits, as the desk writes numbers; the receipt number is a code
  // people copy and type, in ASCII whatever the setting (receiptNumber says why).
  await expect(receipt).toContainText('০২-৯৫৫০০০১')
  await expect(receipt.getByTestId('receipt-number')).toHaveText(/^P-\d{6}$/)
  await noEnglish(rina, 'the receipt')
  await rina.screenshot({ path: shot('bangla-receipt-1366') })
  await fitsAt1024(rina, 'bangla-receipt')
  // Printed (to PDF here), the receipt alone, with the Bangla face embedded: Bangla on any printer.
  await rina.emulateMedia({ media: 'print' })
  await rina.screenshot({ path: shot('bangla-receipt-print') })
  const pdf = (await rina.pdf({ format: 'A5', printBackground: true })).toString('latin1')
  expect(pdf).toMatch(/\/FontName\s*\/[A-Z]{6}\+NotoSansBengali/)
  await rina.emulateMedia({ media: 'screen' })
  await receipt.getByRole('button', { name: 'বন্ধ করুন', exact: true }).click()

  // The bill at discharge of the other booking, from its reference in the list.
  await rina.getByRole('button', { name: w.discharged.bookingReference }).click()
  const money = rina.getByTestId('booking-money')
  await expect(money.getByRole('heading', { name: 'ছুটির সময়ের বিল' })).toBeVisible()
  await expect(money).toContainText('বকেয়া')
  await expect(money.getByRole('button', { name: /^বকেয়া .+ নিন$/ })).toBeVisible()
  await noEnglish(rina, 'the bill')
  await rina.screenshot({ path: shot('bangla-bill-1366') })
  await fitsAt1024(rina, 'bangla-bill')
  await rina.keyboard.press('Escape')

  // The cash drawer: the float and the cash deposit; the shift closed ৳50 short.
  await go(rina, 'ক্যাশ ড্রয়ার')
  await expect(rina.getByRole('table', { name: 'খতিয়ান' })).toBeVisible()
  await expect(rina.getByTestId('drawer-balance')).toHaveText(/^৳(1,000\.00|১,০০০\.০০)$/)
  await noEnglish(rina, 'the cash drawer')
  await rina.screenshot({ path: shot('bangla-cash-drawer-1366'), fullPage: true })
  await fitsAt1024(rina, 'bangla-cash-drawer')
  // Change from the safe, said back in the corner.
  await rina.getByRole('button', { name: 'টাকা যোগ করুন' }).click()
  const add = rina.getByRole('dialog', { name: 'ড্রয়ারে টাকা যোগ করুন' })
  await expect(add.getByLabel('বিবরণ')).toHaveValue('শিফট শুরুর খুচরা টাকা')
  await add.getByLabel('পরিমাণ').fill('২০০')
  await add.getByLabel('বিবরণ').fill('সিন্দুক থেকে খুচরা')
  await noEnglish(add, 'the add-cash dialog')
  await add.getByRole('button', { name: 'টাকা যোগ করুন' }).click()
  await expect(add).toBeHidden()
  await expect(rina.getByTestId('toasts')).toContainText('আপনার ক্যাশ ড্রয়ারে')
  await expect(rina.getByRole('table', { name: 'খতিয়ান' })).toContainText('টাকা যোগ: সিন্দুক থেকে খুচরা')
  await rina.getByRole('button', { name: 'শিফট বন্ধ করুন' }).click()
  const close = rina.getByRole('dialog', { name: 'শিফট বন্ধ' })
  await close.getByLabel('ড্রয়ারে গুনে পাওয়া নগদ').fill('১১৫০')
  await expect(close.getByTestId('cash-difference')).toHaveText(/^৳(50\.00|৫০\.০০) কম$/)
  await noEnglish(rina, 'the close-shift dialog')
  await rina.screenshot({ path: shot('bangla-close-shift-1366') })
  await fitsAt1024(rina, 'bangla-close-shift')
  await close.getByRole('button', { name: 'শিফট বন্ধ করুন' }).click()
  await expect(close.getByRole('alert').first()).toContainText('কেন মেলেনি')
  await close.getByLabel(/^পার্থক্যের কারণ/).fill('একজন রোগীকে দুবার খুচরা দেওয়া হয়েছে')
  await close.getByRole('button', { name: 'শিফট বন্ধ করুন' }).click()
  await expect(close).toBeHidden()
  await expect(rina.getByRole('status').filter({ hasText: 'শিফট বন্ধ হয়েছে' })).toContainText('কম')
  await expect(rina.getByRole('table', { name: 'শিফট বন্ধের হিসাব' })).toBeVisible()
  await noEnglish(rina, 'the cash drawer after the close')
  await rina.screenshot({ path: shot('bangla-shift-closed-1366'), fullPage: true })
  await rina.context().close()

  // The family takes the patient elsewhere: the bKash deposit is due back.
  await desk.api(
    'bookings.cancel',
    { id: w.refunded.id, reason: 'পরিবার রোগীকে অন্য হাসপাতালে নিয়েছে' },
    w.rina,
  )

  // The authority, in Bangla: the refund.
  const kamal = await deskFor(browser, desk, 'kamal@dmch.test')
  await go(kamal, 'পেমেন্ট')
  await kamal.getByRole('tab', { name: /ফেরত বাকি/ }).click()
  const due = kamal.getByRole('table', { name: 'পেমেন্ট' })
  await expect(due).toContainText('বুকিং বাতিল')
  await expect(due).toContainText('ফেরত দিতে হবে')
  await noEnglish(kamal, 'the refunds due')
  await kamal.screenshot({ path: shot('bangla-refunds-due-1366') })
  // The cancelled booking's bill: nothing charged, the deposit due back.
  await due.getByRole('button', { name: w.refunded.bookingReference }).click()
  const closedBill = kamal.getByTestId('booking-money')
  await expect(closedBill).toContainText('কোনো খরচ ধরা হয়নি')
  await expect(closedBill.getByTestId('refund-due')).toContainText('ফেরত দিতে হবে')
  await noEnglish(kamal, 'the cancelled booking’s bill')
  await kamal.keyboard.press('Escape')
  await expect(closedBill).toBeHidden()
  await due.getByRole('button', { name: 'ফেরত দিন' }).click()
  const refund = kamal.getByRole('dialog', { name: 'পেমেন্ট ফেরত' })
  await expect(refund.getByLabel('কারণ')).toHaveValue('বুকিং বাতিল')
  await expect(refund).toContainText('বিকাশ-এর মাধ্যমে ফেরত যাবে')
  await noEnglish(kamal, 'the refund dialog')
  await kamal.screenshot({ path: shot('bangla-refund-1366') })
  await fitsAt1024(kamal, 'bangla-refund')
  await refund.getByRole('button', { name: 'ফেরত দিন' }).click()
  await expect(kamal.getByTestId('toasts')).toContainText('ফেরত দেওয়া হয়েছে')
  const refundReceipt = kamal.getByRole('dialog', { name: 'পেমেন্টের রসিদ' })
  await expect(refundReceipt).toContainText('নিট পরিশোধ')
  await expect(refundReceipt).toContainText('বুকিং বাতিল')
  await noEnglish(kamal, 'the refund receipt')
  await kamal.screenshot({ path: shot('bangla-refund-receipt-1366') })
  await refundReceipt.getByRole('button', { name: 'বন্ধ করুন', exact: true }).click()
  await expect(kamal.getByText('কোনো ফেরত বাকি নেই।')).toBeVisible()

  // Reports: the census, the occupancy chart with its figures, the printable census.
  await go(kamal, 'প্রতিবেদন')
  const census = kamal.getByTestId('census')
  await expect(census.getByRole('heading', { name: /^দৈনিক শয্যা-গণনা, / })).toBeVisible()
  await expect(census.getByRole('table', { name: 'সুবিধা অনুযায়ী শয্যা-গণনা' })).toContainText('নতুন নিবন্ধন')
  await expect(kamal.getByTestId('occupancy-chart').locator('canvas')).toBeVisible()
  await expect(kamal.getByTestId('occupancy')).toContainText('দখলকৃত (গড়)')
  await kamal.getByText(/^হিসাব \(.+টি ভাগ\)$/).click()
  await expect(kamal.getByRole('table', { name: 'শয্যা দখলের হিসাব' })).toBeVisible()
  // Yesterday's census, the day typed as Bangladesh writes it, in Bangla digits.
  const yesterday = subDays(new Date(), 1)
  await census.getByRole('heading').first().waitFor()
  await kamal.getByLabel('গণনার দিন').fill(toBanglaDigits(format(yesterday, 'dd/MM/yyyy')))
  await expect(census.getByRole('heading', { level: 2 })).toHaveText(
    `দৈনিক শয্যা-গণনা, ${formatLongDay(format(yesterday, 'yyyy-MM-dd'), 'bn')}`,
  )
  await kamal.getByLabel('গণনার দিন').fill(toBanglaDigits(format(new Date(), 'dd/MM/yyyy')))
  await expect(census.getByRole('table', { name: 'সুবিধা অনুযায়ী শয্যা-গণনা' })).toContainText('নতুন নিবন্ধন')
  await noEnglish(kamal, 'the reports')
  await kamal.screenshot({ path: shot('bangla-reports-chart-1366') })
  await kamal.getByRole('heading', { level: 1, name: 'প্রতিবেদন' }).scrollIntoViewIfNeeded()
  await kamal.screenshot({ path: shot('bangla-reports-1366') })
  await fitsAt1024(kamal, 'bangla-reports')

  // A payments export: the sheet is headed in Bangla, the file named in Bangla.
  const form = kamal.getByRole('form', { name: 'এক্সপোর্ট' })
  await form.getByLabel('কী').selectOption('payments')
  const [download] = await Promise.all([
    kamal.waitForEvent('download'),
    form.getByRole('button', { name: 'এক্সপোর্ট করুন' }).click(),
  ])
  await expect(form.getByRole('status')).toContainText('সারি')
  expect(download.suggestedFilename()).toMatch(/^পেমেন্ট .+ থেকে .+\.csv$/)
  const csvPath = path.join(desk.dir, 'export.csv')
  await download.saveAs(csvPath)
  const sheet = Papa.parse<Record<string, string>>(fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  })
  expect(sheet.meta.fields).toContain('পরিমাণ (টাকা)')
  // Codes are said in Bangla too: a person reads this sheet.
  expect(sheet.data.map((r) => r['মাধ্যম']).sort()).toEqual(['ক্যাশ', 'বিকাশ'])
  expect(sheet.data.map((r) => r['রোগী']).sort()).toEqual(['আব্দুল করিম', 'মোহাম্মদ রহিম উদ্দিন'].sort())

  await kamal.getByRole('button', { name: 'শয্যা-গণনা প্রিন্ট করুন' }).click()
  const censusSheet = kamal.getByRole('dialog', { name: /^দৈনিক শয্যা-গণনা, / })
  await expect(censusSheet).toContainText('মধ্যরাত থেকে মধ্যরাত')
  await expect(censusSheet.getByRole('row', { name: /^ভর্তি/ })).toBeVisible()
  await noEnglish(kamal, 'the printable census')
  await kamal.screenshot({ path: shot('bangla-census-sheet-1366') })
  await fitsAt1024(kamal, 'bangla-census-sheet')
  await kamal.emulateMedia({ media: 'print' })
  await kamal.screenshot({ path: shot('bangla-census-sheet-print') })
  const censusPdf = (await kamal.pdf({ format: 'A4', printBackground: true })).toString('latin1')
  expect(censusPdf).toMatch(/\/FontName\s*\/[A-Z]{6}\+NotoSansBengali/)
  await kamal.emulateMedia({ media: 'screen' })
  await censusSheet.getByRole('button', { name: 'বন্ধ করুন', exact: true }).click()

  // A referral to the other hospital, and its letter.
  await go(kamal, 'বুকিং', null)
  await kamal.getByTestId(`queue-row-${w.referred.bookingReference}`).click()
  await kamal.getByRole('button', { name: 'অন্য হাসপাতালে রেফার করুন' }).click()
  const refer = kamal.getByRole('dialog', { name: 'শিরিন আখতার-কে রেফার করুন' })
  await refer.getByLabel('যে হাসপাতালে রেফার করবেন').selectOption({ label: SQUARE })
  await refer.getByLabel(/^কারণ/).fill('আজ রাতেই ক্যাথ ল্যাব প্রয়োজন')
  // Over the booking's own screen (the bookings area's words): the dialog is ours.
  await noEnglish(refer, 'the referral dialog')
  await kamal.screenshot({ path: shot('bangla-refer-1366') })
  await refer.getByRole('button', { name: 'রেফার করুন' }).click()
  const panel = kamal.getByTestId('referral')
  await expect(panel).toContainText(`${SQUARE}-এ RC-`)
  await expect(panel).toContainText('নম্বরে রেফার করেছেন ডা. কামাল হোসেন')
  await kamal.getByRole('button', { name: 'রেফারাল পত্র' }).click()
  const letter = kamal.getByRole('dialog', { name: 'রেফারাল পত্র' })
  await expect(letter).toContainText('বরাবর, কর্তব্যরত কর্তৃপক্ষ')
  await expect(letter).toContainText(/শিরিন আখতার, (54|৫৪) বছর, পুরুষ/)
  await expect(letter).toContainText('আজ রাতেই ক্যাথ ল্যাব প্রয়োজন')
  await expect(letter).toContainText(w.referred.bookingReference)
  await noEnglish(letter, 'the referral letter')
  await kamal.screenshot({ path: shot('bangla-referral-letter-1366') })
  await fitsAt1024(kamal, 'bangla-referral-letter')
  await kamal.keyboard.press('Escape')

  // The board's occupancy beside each hospital's name.
  await go(kamal, 'খালি শয্যা', null)
  await expect(kamal.getByTestId(`board-hospital-${w.dhaka}`)).toContainText(/এখন .+% দখলকৃত/)

  // The Bangla on these screens is drawn in the bundled Noto Sans Bengali, not a fallback's boxes.
  const font = await kamal.evaluate<{ loaded: number; check: boolean }>(`(async () => {
    await document.fonts.ready
    const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans Bengali')
    return {
      loaded: faces.filter((f) => f.status === 'loaded').length,
      check: document.fonts.check('16px "Noto Sans Bengali"', 'শয্যা-গণনা'),
    }
  })()`)
  expect(font.loaded).toBeGreaterThan(0)
  expect(font.check).toBe(true)
  await kamal.context().close()
})

test('the fee rules in Bangla: the boxes start in Bangla digits and take a percentage typed in them', async ({
  page,
  desk,
}) => {
  await seedAdmin(desk)
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, desk, ADMIN.email, ADMIN.password)
  await toBangla(page)
  await go(page, 'সেটিংস')
  const fees = settingsWords.bn.fees
  const percent = page.getByLabel(fees.percentLabel.replace('{{method}}', 'কার্ড'))
  await expect(percent).toHaveValue('০.০০')
  await expect(page.getByLabel(fees.fixedLabel.replace('{{method}}', 'কার্ড'))).toHaveValue('০.০০')
  // A Bangla layout types ১.৫ and ৫: both are read, and the rule is kept.
  await percent.fill('১.৫')
  await page.getByLabel(fees.fixedLabel.replace('{{method}}', 'কার্ড')).fill('৫')
  await page.getByRole('button', { name: fees.save }).click()
  await expect(page.getByRole('status')).toHaveText(fees.saved)
  await expect(
    page.getByRole('table', { name: fees.table }).getByRole('row', { name: /কার্ড/ }),
  ).toContainText('৳২০.০০')
})
