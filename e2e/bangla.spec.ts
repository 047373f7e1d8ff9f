import { addDays, format } from 'date-fns'
import { toBanglaDigits } from '../src/shared/locale/digits'
import { expect, seedAdmin, shot, signIn, test, type ServedDesk } from './fixtures'

const PASSWORD = 'desk-password-42'

async function setUp(desk: ServedDesk) {
  const admin = await seedAdmin(desk)
  // A hospital phone typed on a Bangla keyboard, through the HTTP transport.
  const h = await desk.api<{ id: number; phone: string }>(
    'hospitals.create',
    { name: 'Dhaka Medical College Hospital', address: 'Secretariat Road, Dhaka', phone: '০২-৯৫৫০০০০' },
    admin,
  )
  expect(h.phone).toBe('+88029550000') // stored in E.164, Bangla digits read as ASCII
  await desk.api('hospitals.approve', { id: h.id }, admin)
  await desk.api(
    'resources.update',
    { hospitalId: h.id, resourceType: 'beds', total: 12, maintenance: 0, reason: 'Opening count' },
    admin,
  )
  await desk.api(
    'users.create',
    { name: 'রিনা আক্তার', email: 'rina@rapidcare.test', password: PASSWORD, role: 'user', hospitalId: null },
    admin,
  )
  return { hospitalId: h.id }
}

test('Bangla digits typed into the new booking, a Latin search finds the Bangla name, Bangla renders in the bundled font', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await setUp(desk)
  await signIn(page, desk, 'rina@rapidcare.test', PASSWORD)
  await page.keyboard.press('n')
  await expect(page.getByRole('heading', { name: 'New booking' })).toBeVisible()

  const when = addDays(new Date(), 2)
  when.setHours(10, 0, 0, 0)
  await page.getByLabel('Patient name').fill('রহিমা খাতুন')
  await page.getByLabel('Age').fill('৬৭')
  await page.getByLabel('Gender').selectOption('female')
  await page.getByLabel('Medical condition').fill('শ্বাসকষ্ট')
  await page.getByLabel('Hospital').selectOption({ label: 'Dhaka Medical College Hospital' })
  // Day first, Bangla digits: ৩১/১২/২০২৬ ১০:০০ as a Bijoy or Avro keyboard types it.
  await page.getByLabel('Scheduled for').fill(toBanglaDigits(format(when, 'dd/MM/yyyy HH:mm')))
  await page.getByLabel('Expected stay (hours)').fill('২৪')
  await page.getByLabel('Contact name').fill('করিম মিয়া')
  await page.getByLabel('Contact phone').fill('০১৭১১-২২৩৩৪৪')
  await page.getByLabel('Relationship').fill('ছেলে')
  await page.screenshot({ path: shot('bangla-new-booking-1366') })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('created-reference')).toHaveText(/^RC-\d{4}-000001$/)

  // A search typed in Latin letters finds the Bangla spelling.
  await page.keyboard.press('Escape')
  await page.keyboard.press('/')
  await page.getByLabel('Search bookings').fill('rahima')
  await expect(page.getByText('রহিমা খাতুন').first()).toBeVisible()
  await page.screenshot({ path: shot('bangla-search-1366') })

  // The bundled font is loaded and is what draws the Bangla text.
  const fonts = await page.evaluate(async () => {
    // The e2e project has no DOM types: the page's FontFaceSet, typed as much as this needs.
    type Face = { family: string; status: string }
    const set = (
      globalThis as unknown as {
        document: {
          fonts: Iterable<Face> & { ready: Promise<unknown>; check(font: string, text: string): boolean }
        }
      }
    ).document.fonts
    await set.ready
    const faces = [...set].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans Bengali')
    return {
      loaded: faces.filter((f) => f.status === 'loaded').length,
      check: set.check('16px "Noto Sans Bengali"', 'রহিমা'),
    }
  })
  expect(fonts.loaded).toBeGreaterThan(0)
  expect(fonts.check).toBe(true)
})
