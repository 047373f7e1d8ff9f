import type { Page } from '@playwright/test'
import { expect, seedAdmin, shot, signIn, test, type ServedDesk } from './fixtures'

const PASSWORD = 'desk-password-42'

async function setUp(desk: ServedDesk) {
  const admin = await seedAdmin(desk)
  const make = async (name: string, beds: number) => {
    const h = await desk.api<{ id: number }>(
      'hospitals.create',
      { name, address: 'Secretariat Road, Dhaka', phone: '+88029550001' },
      admin,
    )
    await desk.api('hospitals.approve', { id: h.id }, admin)
    for (const [resourceType, total] of [
      ['beds', beds],
      ['icu', 4],
      ['operationTheatres', 2],
    ] as const) {
      await desk.api(
        'resources.update',
        { hospitalId: h.id, resourceType, total, maintenance: 0, reason: 'Opening count' },
        admin,
      )
    }
    return h.id
  }
  const hospitalId = await make('Dhaka Medical College Hospital', 12)
  await make('Sylhet General Hospital', 30)
  await desk.api(
    'users.create',
    { name: 'Rina Akter', email: 'rina@rapidcare.test', password: PASSWORD, role: 'user', hospitalId: null },
    admin,
  )
  await desk.api(
    'users.create',
    {
      name: 'Dr. Kamal Hossain',
      email: 'kamal@rapidcare.test',
      password: PASSWORD,
      role: 'hospital-authority',
      hospitalId,
    },
    admin,
  )
  return { hospitalId }
}

async function freeBeds(page: Page, hospitalId: number): Promise<string> {
  await page.keyboard.press('Escape')
  await page.keyboard.press('b')
  await expect(page.getByRole('heading', { name: 'Availability board' })).toBeVisible()
  return (await page.getByTestId(`board-${hospitalId}-beds`).innerText()).replace(/\s+/g, ' ')
}

test('a booking from the keyboard, approved from the queue, admitted with its slip; the board follows', async ({
  page,
  desk,
  browser,
}) => {
  const { hospitalId } = await setUp(desk)

  // The receptionist: the board first, then a new booking with the keyboard alone.
  await signIn(page, desk, 'rina@rapidcare.test', PASSWORD)
  expect(await freeBeds(page, hospitalId)).toBe('12 free / 12')
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.screenshot({ path: shot('bookings-help') })
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await expect(page.getByRole('heading', { name: 'New booking' })).toBeVisible()
  await expect(page.getByLabel('Patient name')).toBeFocused()
  await expect(page.getByTestId('form-available')).toHaveText('12')
  // Enter on an incomplete form: the desk names the fields, the cursor goes to the first.
  await page.keyboard.press('Enter')
  await expect(page.locator('.field--invalid').first()).toBeVisible()
  await expect(page.getByLabel('Patient name')).toBeFocused()
  await page.screenshot({ path: shot('bookings-new-errors') })

  await page.keyboard.type('মোহাম্মদ রহিম উদ্দিন')
  await page.keyboard.press('Tab')
  await page.keyboard.type('54')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Male')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Chest pain, suspected myocardial infarction')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Critical')
  await page.keyboard.press('Tab') // hospital
  await page.keyboard.type('Dhaka')
  await page.keyboard.press('Tab') // resource: beds
  await page.keyboard.press('Tab') // scheduled: soon, as filled in
  await page.keyboard.press('Tab') // expected stay: 24 hours
  await page.keyboard.press('Tab')
  await page.keyboard.type('Fatema Begum')
  await page.keyboard.press('Tab')
  await page.keyboard.type('01711-223344')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Wife')
  await page.screenshot({ path: shot('bookings-new') })
  await page.keyboard.press('Enter')
  const reference = page.getByTestId('created-reference')
  await expect(reference).toHaveText(/^RC-\d{4}-000001$/)
  const ref = await reference.innerText()
  await expect(page.getByLabel('Patient name')).toHaveValue('')
  await expect(page.getByLabel('Patient name')).toBeFocused()
  await expect(page.getByTestId('unread-badge')).toHaveText('1')
  // Pending takes nothing yet.
  expect(await freeBeds(page, hospitalId)).toBe('12 free / 12')

  // The authority: the queue, most urgent first; approve with one key.
  const authorityContext = await browser.newContext()
  const authority = await authorityContext.newPage()
  await signIn(authority, desk, 'kamal@rapidcare.test', PASSWORD)
  await authority.getByRole('button', { name: 'Bookings' }).click()
  await expect(authority.getByRole('heading', { name: 'Approval queue' })).toBeVisible()
  const row = authority.getByTestId(`queue-row-${ref}`)
  await expect(row).toContainText('মোহাম্মদ রহিম উদ্দিন')
  await expect(row).toContainText('Critical')
  await expect(row).toHaveClass(/is-selected/)
  await authority.screenshot({ path: shot('bookings-queue') })
  await authority.keyboard.press('a')
  await expect(authority.getByText('No pending bookings.')).toBeVisible()
  expect(await freeBeds(authority, hospitalId)).toBe('11 free / 12')
  await expect(authority.getByTestId(`board-hospital-${hospitalId}`)).toContainText('1 reserved · 0 occupied')
  await authorityContext.close()

  // The receptionist again: the approval is in the notifications; admit from the booking.
  await page.keyboard.press('q')
  await expect(page.getByTestId('unread-badge')).toHaveText('2', { timeout: 30_000 })
  await page.getByRole('button', { name: /Notifications/ }).click()
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toContainText('Booking approved')
  await page.screenshot({ path: shot('bookings-notifications') })
  await page.getByRole('button', { name: /Booking approved/ }).click()
  await expect(page.getByRole('heading', { name: 'মোহাম্মদ রহিম উদ্দিন' })).toBeVisible()
  await expect(page.getByTestId('unread-badge')).toHaveText('1')
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Admit patient' }).click()

  const slip = page.getByRole('dialog', { name: 'Admission slip' })
  await expect(slip).toBeVisible()
  await expect(slip.getByTestId('slip-reference')).toHaveText(ref)
  await expect(slip.getByRole('img', { name: `QR code of ${ref}` })).toBeVisible()
  await expect(slip).toContainText('Dhaka Medical College Hospital')
  await expect(slip).toContainText('Rina Akter')
  await page.screenshot({ path: shot('bookings-slip') })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('detail-available')).toHaveText('11')
  await expect(page.locator('.timeline__item')).toHaveCount(3)
  await page.screenshot({ path: shot('bookings-detail') })
  await page.keyboard.press('Escape')

  // The board: one bed occupied now, and the screen a desk leaves open.
  expect(await freeBeds(page, hospitalId)).toBe('11 free / 12')
  await expect(page.getByTestId(`board-hospital-${hospitalId}`)).toContainText('0 reserved · 1 occupied')
  await page.screenshot({ path: shot('bookings-board'), fullPage: true })

  // Search finds the patient by part of the Bangla name, and by phone.
  await page.keyboard.press('/')
  await expect(page.getByLabel('Search bookings')).toBeFocused()
  await page.keyboard.type('রহিম')
  await expect(page.getByTestId(`queue-row-${ref}`)).toBeVisible()
  await page.getByLabel('Search bookings').fill('01711223344')
  await expect(page.getByTestId(`queue-row-${ref}`)).toBeVisible()
  await page.getByLabel('Search bookings').fill('nobody-at-all')
  await expect(page.getByText('Nothing matches this search.')).toBeVisible()
})

test('the authority declines from the queue with the keyboard; a decline without a reason is refused', async ({
  page,
  desk,
}) => {
  const { hospitalId } = await setUp(desk)
  const desk1 = (
    await desk.api<{ token: string }>('auth.login', { email: 'rina@rapidcare.test', password: PASSWORD })
  ).token
  const book = (patientName: string, urgency: string) =>
    desk.api<{ bookingReference: string }>(
      'bookings.create',
      {
        hospitalId,
        resourceType: 'icu',
        patientName,
        patientAge: 61,
        patientGender: 'female',
        medicalCondition: 'Stroke, left side weak',
        urgency,
        emergencyContactName: 'Sabina Yasmin',
        emergencyContactPhone: '01819-556677',
        emergencyContactRelationship: 'Daughter',
        scheduledDate: new Date(Date.now() + 3600_000).toISOString(),
      },
      desk1,
    )
  const low = await book('Jahanara Begum', 'low')
  const critical = await book('Nusrat Jahan', 'critical')

  await signIn(page, desk, 'kamal@rapidcare.test', PASSWORD)
  await page.keyboard.press('q')
  const rows = page.locator('tr.queue-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText(critical.bookingReference)
  await page.keyboard.press('j')
  await expect(page.getByTestId(`queue-row-${low.bookingReference}`)).toHaveClass(/is-selected/)
  await page.keyboard.press('d')
  const reason = page.getByLabel(`Reason for declining ${low.bookingReference}`)
  await expect(reason).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('A reason is required')
  await page.screenshot({ path: shot('bookings-decline-refused') })
  await page.keyboard.type('ICU full this week; refer to Sylhet General')
  await page.keyboard.press('Enter')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(critical.bookingReference)

  await page.getByRole('tab', { name: 'All' }).click()
  await page.getByTestId(`queue-row-${low.bookingReference}`).click()
  await expect(page.getByText('ICU full this week; refer to Sylhet General').first()).toBeVisible()
  await expect(page.getByText('there is nothing more to do')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0)
})
