import { expect, shot, signIn, test, type ServedDesk } from './fixtures'
import {
  addStaff,
  AUTHORITY,
  DESK_USER,
  ENGLISH,
  openHospital,
  PASSWORD,
  registerPending,
  setUpAdmin,
} from './world'

const HOSPITAL = ENGLISH.hospital.name
const PENDING_HOSPITAL = ENGLISH.pending.name

/** A time that is today on this machine and never more than 24 hours past (the desk refuses older). */
function earlierToday(): string {
  const midnight = new Date()
  midnight.setHours(0, 0, 0, 0)
  return new Date(Math.max(midnight.getTime() + 60_000, Date.now() - 30 * 60_000)).toISOString()
}

/**
 * One approved hospital (10 beds) and one still pending; a front desk and an authority tied to the
 * approved one. Today: 2 pending, 1 approved (to admit), 1 admitted; one more pending booking the day
 * after tomorrow (so never today). The desk's drawer holds ৳500.
 */
async function setUp(desk: ServedDesk) {
  const admin = await setUpAdmin(desk)
  const hospitalId = await openHospital(desk, admin)
  await registerPending(desk, admin)
  const { rina, kamal } = await addStaff(desk, admin, hospitalId)

  const book = async (patientName: string, urgency: string, scheduledDate: string) =>
    (
      await desk.api<{ id: number }>(
        'bookings.create',
        {
          hospitalId,
          resourceType: 'beds',
          patientName,
          patientAge: 47,
          patientGender: 'female',
          medicalCondition: 'Observation',
          urgency,
          emergencyContactName: 'Fatema Begum',
          emergencyContactPhone: '01711-223344',
          emergencyContactRelationship: 'Sister',
          scheduledDate,
        },
        rina,
      )
    ).id
  const today = earlierToday()
  await book('Rahima Khatun', 'high', today)
  await book('Abdul Karim', 'critical', today)
  const toAdmit = await book('Jamal Uddin', 'medium', today)
  const admitted = await book('Sultana Razia', 'low', today)
  await book('Shirin Akhter', 'medium', new Date(Date.now() + 36 * 3600_000).toISOString())
  await desk.api('bookings.approve', { id: toAdmit }, kamal)
  await desk.api('bookings.approve', { id: admitted }, kamal)
  await desk.api('bookings.admit', { id: admitted }, rina)
  await desk.api('wallet.deposit', { amount: 50_000, description: 'Opening float' }, rina)
  return { admin }
}

test('front desk: today by status, who is expected, the drawer, and the quick actions', async ({
  page,
  desk,
}) => {
  await setUp(desk)
  await signIn(page, desk, DESK_USER.email, PASSWORD)
  await expect(page.getByRole('heading', { name: 'Good to see you, Rina' })).toBeVisible()
  await expect(page.getByTestId('overview-subtitle')).toContainText(`Front desk · ${HOSPITAL}`)

  await expect(page.getByTestId('overview-today-pending')).toHaveText(/^2\s*Waiting for approval$/)
  await expect(page.getByTestId('overview-today-approved')).toHaveText(/^1\s*Approved, to admit$/)
  await expect(page.getByTestId('overview-today-admitted')).toHaveText(/^1\s*Admitted$/)

  // Expected: not yet admitted, by the clock; the admitted patient is no longer expected.
  const arrivals = page.getByTestId('overview-arrivals').locator('li')
  await expect(arrivals).toHaveCount(4)
  await expect(arrivals.last()).toContainText('Shirin Akhter')
  await expect(page.getByTestId('overview-arrivals')).not.toContainText('Sultana Razia')
  await expect(page.getByTestId('overview-drawer-balance')).toHaveText('৳500.00')
  // Where the database lies is the administrator's business only.
  await expect(page.getByTestId('overview-desk')).toContainText('Schema version')
  await expect(page.getByTestId('overview-desk')).not.toContainText(desk.dbPath)
  await page.screenshot({ path: shot('overview-desk') })

  // Quick actions: the button and the `n` key both open the form; an arrival opens its booking.
  await page.getByRole('button', { name: /Book a patient/ }).click()
  await expect(page.getByRole('heading', { name: 'New booking' })).toBeVisible()
  await page.getByRole('button', { name: 'Overview' }).click()
  await page.getByRole('button', { name: 'Free beds now' }).click()
  await expect(page.getByRole('heading', { name: 'Availability board' })).toBeVisible()
  await page.getByRole('button', { name: 'Overview' }).click()
  await page.getByRole('button', { name: 'Open the queue' }).click()
  await expect(page.getByRole('heading', { name: 'Bookings', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Overview' }).click()
  await expect(page.getByTestId('overview-today-pending')).toBeVisible()
  await page.keyboard.press('n')
  await expect(page.getByRole('heading', { name: 'New booking' })).toBeVisible()
  await page.getByRole('button', { name: 'Overview' }).click()
  await page
    .getByTestId('overview-arrivals')
    .getByRole('button', { name: /Shirin Akhter/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Shirin Akhter' })).toBeVisible()
})

test('hospital authority: pending approvals most urgent first, its availability, its notifications', async ({
  page,
  desk,
}) => {
  await setUp(desk)
  await signIn(page, desk, AUTHORITY.email, PASSWORD)
  await expect(page.getByTestId('overview-subtitle')).toContainText(`Hospital authority · ${HOSPITAL}`)

  // Three pending (two today, one the day after tomorrow); the critical one leads.
  await expect(page.getByTestId('overview-pending-count')).toHaveText('3')
  const rows = page.getByTestId('overview-pending').locator('li')
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toContainText('Abdul Karim')
  await expect(rows.first()).toContainText('Critical')
  // 10 beds: one reserved for the approved booking, one occupied by the admitted patient.
  await expect(page.getByTestId('overview-free-beds')).toHaveText('8 free / 10')
  await expect(page.getByTestId('overview-free-icu')).toHaveText('4 free / 4')
  // One notification per booking that arrived in its queue (five were registered).
  await expect(page.getByTestId('overview-unread')).toHaveText('5')
  await expect(page.getByText('Your account is not linked')).toHaveCount(0)
  await page.screenshot({ path: shot('overview-authority') })

  // Approve the critical one from its booking: back on the overview, two are left.
  await rows.first().getByRole('button').click()
  await expect(page.getByRole('heading', { name: 'Abdul Karim' })).toBeVisible()
  await page.getByRole('button', { name: 'Approve' }).first().click()
  await page.getByRole('button', { name: 'Approve' }).last().click()
  await expect(page.locator('[data-badge]', { hasText: 'Approved' })).toBeVisible()
  await page.getByRole('button', { name: 'Overview' }).click()
  await expect(page.getByTestId('overview-pending-count')).toHaveText('2')
  await expect(page.getByTestId('overview-free-beds')).toHaveText('7 free / 10')

  await page.getByRole('button', { name: /Open the approval queue/ }).click()
  await expect(page.getByRole('heading', { name: 'Approval queue' })).toBeVisible()
})

test('admin: hospitals to review, availability across hospitals, the last backup', async ({ page, desk }) => {
  const { admin } = await setUp(desk)
  const backup = await desk.api<{ file: string }>('backup.export', {}, admin)
  await signIn(page, desk, 'admin@rapidcare.test', 'correct-horse-42')
  await expect(page.getByRole('heading', { name: 'Good to see you, Ayesha' })).toBeVisible()

  await expect(page.getByTestId('overview-pending-hospitals-count')).toHaveText('1')
  await expect(page.getByTestId('overview-pending-hospitals')).toContainText(PENDING_HOSPITAL)
  await expect(page.getByTestId('overview-availability')).toContainText('Availability across 1 hospital')
  await expect(page.getByTestId('overview-free-beds')).toHaveText('8 free / 10')
  await expect(page.getByTestId('overview-free-operationTheatres')).toHaveText('2 free / 2')
  await expect(page.getByTestId('overview-last-backup')).toContainText(backup.file)
  await expect(page.getByTestId('overview-last-backup')).toContainText('Verified')
  await expect(page.getByTestId('overview-desk')).toContainText('Schema version')
  await expect(page.getByTestId('overview-desk')).toContainText(desk.dbPath)
  await page.screenshot({ path: shot('overview-admin') })

  await page
    .getByTestId('overview-backup')
    .getByRole('button', { name: /Database health/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Maintenance' })).toBeVisible()
  await page.getByRole('button', { name: 'Overview' }).click()
  await page
    .getByTestId('overview-backup')
    .getByRole('button', { name: /Backup history/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible()
})
