/**
 * A shared workstation: what one person had on screen never reaches the next. Every state the
 * page renders after the admin signs out is recorded (a MutationObserver sees each commit), and
 * none may hold the admin's rows or the admin's filter.
 */
import { ADMIN, expect, signIn, test } from './fixtures'
import { buildWorld, DESK_USER, PASSWORD } from './world'

/** Runs in the page: every DOM change records the whole visible text and every select's choice. */
const RECORD_EVERY_STATE = `(() => {
  window.seen = []
  const record = () => {
    const selects = [...document.querySelectorAll('select')].map((s) => s.selectedOptions[0]?.text ?? '')
    window.seen.push(document.body.innerText + '\\n' + selects.join('|'))
  }
  new MutationObserver(record).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  })
})()`

test('admin filters payments, signs out; the front desk signing in never sees the admin’s rows or filters', async ({
  page,
  desk,
}) => {
  const { admin } = await buildWorld(desk)
  // A second hospital whose payment only the admin may see.
  const other = await desk.api<{ id: number }>(
    'hospitals.create',
    { name: 'Sylhet Osmani Hospital', address: 'Kajalshah, Sylhet', phone: '+880 2 4478 1235' },
    admin,
  )
  await desk.api('hospitals.approve', { id: other.id }, admin)
  await desk.api(
    'resources.update',
    { hospitalId: other.id, resourceType: 'beds', total: 5, maintenance: 0, reason: 'Opening count' },
    admin,
  )
  await desk.api(
    'users.create',
    {
      name: 'Mita Das',
      email: 'mita@rapidcare.test',
      password: PASSWORD,
      role: 'user',
      hospitalId: other.id,
    },
    admin,
  )
  const mita = (
    await desk.api<{ token: string }>('auth.login', { email: 'mita@rapidcare.test', password: PASSWORD })
  ).token
  const booking = await desk.api<{ id: number }>(
    'bookings.create',
    {
      hospitalId: other.id,
      resourceType: 'beds',
      patientName: 'Nasrin Sultana',
      patientAge: 33,
      patientGender: 'female',
      medicalCondition: 'Fever',
      urgency: 'medium',
      emergencyContactName: 'Habib Sultan',
      emergencyContactPhone: '01811-000111',
      emergencyContactRelationship: 'Husband',
      scheduledDate: new Date(Date.now() + 3600_000).toISOString(),
    },
    mita,
  )
  await desk.api(
    'payments.record',
    { bookingId: booking.id, amount: 70_000, paymentMethod: 'card', gatewayTransactionId: 'SLIP-SYLHET' },
    mita,
  )

  await signIn(page, desk, ADMIN.email, ADMIN.password)
  await page.getByRole('button', { name: 'Payments', exact: true }).click()
  await page.getByLabel('Hospital').selectOption({ label: 'Sylhet Osmani Hospital' })
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('Nasrin Sultana')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByLabel('Email')).toBeVisible()

  // From here on, record every state the page shows.
  await page.evaluate(RECORD_EVERY_STATE)
  await page.getByLabel('Email').fill(DESK_USER.email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-user')).toHaveText(DESK_USER.name)
  // The desk starts on its own overview, not on the admin's last screen.
  await expect(page.getByRole('button', { name: 'Overview' })).toHaveAttribute('aria-current', 'page')
  await page.getByRole('button', { name: 'Payments', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('Sultana Razia')

  const seen = await page.evaluate<string[]>('window.seen')
  expect(seen.length).toBeGreaterThan(3)
  for (const state of seen) {
    expect(state).not.toContain('Nasrin Sultana')
    expect(state).not.toContain('SLIP-SYLHET')
    expect(state).not.toContain('Sylhet Osmani Hospital')
    expect(state).not.toContain('own hospital only')
  }
})
