import { addDays, format } from 'date-fns'
import { expect, seedAdmin, shot, signIn, test, type ServedDesk } from './fixtures'

const PASSWORD = 'desk-password-42'

async function deskWithClerk(desk: ServedDesk) {
  const admin = await seedAdmin(desk)
  const h = await desk.api<{ id: number }>(
    'hospitals.create',
    { name: 'Dhaka Medical College Hospital', address: 'Secretariat Road, Dhaka', phone: '02-9550000' },
    admin,
  )
  await desk.api('hospitals.approve', { id: h.id }, admin)
  await desk.api(
    'users.create',
    { name: 'Rina Akter', email: 'rina@rapidcare.test', password: PASSWORD, role: 'user', hospitalId: null },
    admin,
  )
}

test('the date box reads and writes day first, with a picker in the same order, in either language', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await deskWithClerk(desk)
  await signIn(page, desk, 'rina@rapidcare.test', PASSWORD)
  await page.keyboard.press('n')
  // By its name: its label is in the user's language.
  const box = page.locator('input[name="scheduledDate"]')
  // Its own default is written day first.
  await expect(box).toHaveValue(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)

  // ISO order typed is read; the picker then opens on that day and writes back day first.
  const day = addDays(new Date(), 3)
  await box.fill(`${format(day, 'yyyy-MM-dd')} 09:30`)
  await page.getByRole('button', { name: 'Choose a date' }).click()
  const picker = page.getByRole('dialog', { name: 'Choose a date' })
  await expect(picker.getByRole('button', { name: format(day, 'EEEE d MMMM yyyy') })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const next = addDays(day, 1)
  if (next.getMonth() !== day.getMonth()) await picker.getByRole('button', { name: 'Next month' }).click()
  await picker.getByRole('button', { name: format(next, 'EEEE d MMMM yyyy') }).click()
  await picker.getByLabel('Hour').selectOption('14')
  await page.screenshot({ path: shot('datepicker-en-1366') })
  await picker.getByRole('button', { name: 'Done' }).click()
  await expect(box).toHaveValue(`${format(next, 'dd/MM/yyyy')} 14:30`)
  await expect(picker).toHaveCount(0)

  // In Bangla with Bangla digits: the box shows them, the picker names the month in Bangla.
  await page.getByTestId('language-switch').click()
  await expect(box).toHaveValue(/^[০-৯]{2}\/[০-৯]{2}\/[০-৯]{4} [০-৯]{2}:[০-৯]{2}$/)
  await box.fill('৩১/১২/২০২৬ ১০:০০')
  await page.getByRole('button', { name: 'তারিখ বেছে নিন' }).click()
  const bnPicker = page.getByRole('dialog', { name: 'তারিখ বেছে নিন' })
  await expect(bnPicker.getByText('ডিসেম্বর ২০২৬')).toBeVisible()
  await expect(bnPicker.getByRole('button', { name: 'বৃহস্পতিবার ৩১ ডিসেম্বর ২০২৬' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.screenshot({ path: shot('datepicker-bn-1366') })
  await page.keyboard.press('Escape')
  await expect(bnPicker).toHaveCount(0)
  await expect(box).toBeFocused()
  // From the keyboard: Alt+↓ in the box opens the picker.
  await box.press('Alt+ArrowDown')
  await expect(bnPicker).toBeVisible()
})
