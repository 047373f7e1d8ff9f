import path from 'node:path'
import { ADMIN, expect, seedAdmin, shot, signIn, test } from './fixtures'
import { buildLegacyDatabase, LEGACY_PASSWORDS } from '../test/legacy'

const AUTHORITY = { name: 'Nusrat Jahan', email: 'nusrat@dhakacity.example', password: 'icu-authority-42' }

test('admin registers and approves a hospital, adds its authority; the authority sets ICU beds; the audit shows it', async ({
  page,
  desk,
}) => {
  await seedAdmin(desk)
  await signIn(page, desk, ADMIN.email, ADMIN.password)

  // Register a hospital: a bad phone is refused beside the field, then corrected.
  await page.getByRole('button', { name: 'Hospitals' }).click()
  await expect(page.getByRole('heading', { name: 'Hospitals' })).toBeVisible()
  await expect(page.getByText('No hospitals yet. Register the first one.')).toBeVisible()
  await page.getByRole('button', { name: 'Register hospital' }).click()
  const form = page.getByRole('dialog', { name: 'Register a hospital' })
  await form.getByLabel('Name', { exact: true }).fill('Dhaka City Hospital')
  await form.getByLabel('Phone', { exact: true }).fill('call reception')
  await form.getByLabel('Address').fill('12 Green Road, Dhaka 1205')
  await form.getByLabel('Email').fill('desk@dhakacity.example')
  await form.getByLabel('Licence number').fill('DGHS/2024-0117')
  await form.getByLabel('Specialties').fill('Cardiology, Neurology, Paediatrics')
  await form.getByLabel('Facilities').fill('ICU, Pharmacy, Blood bank')
  await form.getByLabel('Mon').fill('08:00–20:00')
  await form.getByLabel('Sun').fill('Emergency only')
  await form.getByRole('button', { name: 'Register hospital' }).click()
  await expect(form.locator('.field--invalid').getByText(/must be a phone number/)).toBeVisible()
  await page.screenshot({ path: shot('admin-hospital-form-error') })
  await form.getByLabel('Phone', { exact: true }).fill('+880 2 5566 7788')
  await form.getByRole('button', { name: 'Register hospital' }).click()

  // The new hospital opens, pending, with its three resources at zero.
  await expect(page.getByRole('heading', { name: /Dhaka City Hospital/ })).toBeVisible()
  await expect(page.locator('.page__header .badge')).toHaveText('Pending')
  await expect(page.getByTestId('resource-icu').getByTestId('available')).toHaveText('0')
  await page.getByRole('button', { name: 'Approve' }).click()
  const confirm = page.getByRole('dialog', { name: 'Approve this hospital?' })
  await expect(confirm).toBeVisible()
  await page.screenshot({ path: shot('admin-hospital-approve-confirm') })
  await confirm.getByRole('button', { name: 'Approve' }).click()
  await expect(page.locator('.page__header .badge')).toHaveText('Approved')
  await page.screenshot({ path: shot('admin-hospital-detail') })

  // Its authority.
  await page.getByRole('button', { name: 'Staff' }).click()
  await page.getByRole('button', { name: 'New account' }).click()
  const staffForm = page.getByRole('dialog', { name: 'New staff account' })
  await staffForm.getByLabel('Full name').fill(AUTHORITY.name)
  await staffForm.getByLabel('Email').fill(AUTHORITY.email)
  await staffForm.getByLabel('Password').fill(AUTHORITY.password)
  await staffForm.getByLabel('Role').selectOption('hospital-authority')
  await staffForm.getByRole('button', { name: 'Create account' }).click()
  await expect(
    staffForm.locator('.field--invalid').getByText('is required for a hospital-authority'),
  ).toBeVisible()
  await staffForm.getByLabel('Hospital').selectOption({ label: 'Dhaka City Hospital' })
  await staffForm.getByRole('button', { name: 'Create account' }).click()
  await expect(staffForm).toBeHidden()
  const row = page.getByRole('row', { name: new RegExp(AUTHORITY.name) })
  await expect(row).toContainText('Hospital authority')
  await expect(row).toContainText('Dhaka City Hospital')
  await page.screenshot({ path: shot('admin-staff-list') })

  // The authority signs in and sets the ICU beds.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, desk, AUTHORITY.email, AUTHORITY.password)
  await expect(page.getByRole('button', { name: 'Hospitals' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Staff' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Resources' }).click()
  await expect(page.getByText('Beds, ICU beds and operation theatres at Dhaka City Hospital.')).toBeVisible()
  const icu = page.getByTestId('resource-icu')
  await icu.getByRole('button', { name: 'Edit ICU beds' }).click()
  await icu.getByRole('textbox', { name: 'Total' }).fill('12')
  await icu.getByRole('textbox', { name: 'In maintenance' }).fill('2')
  await expect(icu.getByText('10 will be available')).toBeVisible()
  await icu.getByRole('button', { name: 'Save' }).click()
  await expect(icu.locator('.field--invalid').getByText(/at least 3 characters/)).toBeVisible()
  await icu.getByLabel('Reason').fill('New ICU wing opened')
  await icu.getByRole('button', { name: 'Save' }).click()
  await expect(icu.getByTestId('available')).toHaveText('10')
  await expect(icu).toContainText('available of 12')
  await page.screenshot({ path: shot('authority-resources') })

  // The audit viewer shows the change, old beside new, with who and why.
  await page.getByRole('button', { name: 'Audit trail' }).click()
  const latest = page.getByTestId('audit-row').first()
  await expect(latest).toContainText('ICU beds')
  await expect(latest).toContainText('update')
  await expect(latest).toContainText(AUTHORITY.name)
  await expect(latest).toContainText('New ICU wing opened')
  await expect(latest.getByRole('row', { name: /Before/ })).toHaveText(/Before\s*0\s*0\s*0\s*0\s*0/)
  await expect(latest.getByRole('row', { name: /After/ })).toHaveText(/After\s*12\s*10\s*0\s*0\s*2/)
  await page.getByLabel('Action').selectOption('update')
  await expect(page.getByTestId('audit-row')).toHaveCount(1)
  await page.getByRole('button', { name: 'Verify the trail' }).click()
  await expect(page.getByRole('status')).toContainText('All 3 resource counts agree with their history')
  await page.screenshot({ path: shot('authority-audit') })
})

test('admin rejects a registration with a reason, filters the list, and deactivates an account', async ({
  page,
  desk,
}) => {
  const token = await seedAdmin(desk)
  for (const name of ['Square Hospital', 'Evercare Dhaka', 'Labaid Specialized']) {
    await desk.api('hospitals.create', { name, address: 'Dhaka', phone: '+880 2 4478 1234' }, token)
  }
  await desk.api(
    'users.create',
    { name: 'Rafiq Hasan', email: 'rafiq@desk.example', password: 'front-desk-123', role: 'user' },
    token,
  )
  await signIn(page, desk, ADMIN.email, ADMIN.password)
  await page.getByRole('button', { name: 'Hospitals' }).click()
  await page.getByRole('row', { name: /Labaid Specialized/ }).click()
  await page.getByRole('button', { name: 'Reject' }).click()
  const dialog = page.getByRole('dialog', { name: 'Reject this registration?' })
  await dialog.getByRole('button', { name: 'Reject' }).click()
  await expect(dialog.locator('.field--invalid')).toContainText('is required')
  await dialog.getByLabel('Reason').fill('Licence could not be verified')
  await dialog.getByRole('button', { name: 'Reject' }).click()
  await expect(page.getByText('Rejected: Licence could not be verified')).toBeVisible()
  await page.getByRole('button', { name: '← All hospitals' }).click()
  await page.getByRole('button', { name: 'Rejected' }).click()
  await expect(page.locator('tbody tr')).toHaveCount(1)
  await page.getByRole('button', { name: 'All', exact: true }).click()
  // Wait for the unfiltered list: a count of 1 could otherwise still be the Rejected list's.
  await expect(page.locator('tbody tr')).toHaveCount(3)
  await page.getByLabel('Search hospitals').fill('square')
  await expect(page.locator('tbody tr')).toHaveCount(1)
  await expect(page.locator('tbody tr')).toContainText('Square Hospital')
  await page.getByLabel('Search hospitals').fill('')
  await expect(page.locator('tbody tr')).toHaveCount(3)
  await page.screenshot({ path: shot('admin-hospital-list') })

  await page.getByRole('button', { name: 'Staff' }).click()
  await page.getByRole('button', { name: 'Edit Rafiq Hasan' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit Rafiq Hasan' })
  await edit.getByLabel('Status').selectOption('inactive')
  await expect(edit.getByText('Saving signs Rafiq Hasan out everywhere at once.')).toBeVisible()
  await page.screenshot({ path: shot('admin-staff-edit') })
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('row', { name: /Rafiq Hasan/ })).toContainText('Inactive')
  // The admin cannot deactivate the last active admin: itself.
  await page.getByRole('button', { name: `Edit ${ADMIN.name}` }).click()
  const self = page.getByRole('dialog', { name: `Edit ${ADMIN.name}` })
  await self.getByLabel('Status').selectOption('inactive')
  await self.getByRole('button', { name: 'Save changes' }).click()
  await expect(self.getByRole('alert')).toContainText('last active administrator')
})

test('first run: open an existing RapidCare database, then its administrator signs in', async ({
  page,
  desk,
}) => {
  const legacy = path.join(desk.dir, 'back-end', 'database.sqlite')
  const fs = await import('node:fs')
  fs.mkdirSync(path.dirname(legacy), { recursive: true })
  buildLegacyDatabase(legacy)

  await page.goto(desk.url)
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible()
  await page.getByRole('button', { name: 'Open an existing RapidCare database' }).click()
  await page.getByLabel('Setup code').fill(desk.setupCode!)
  await page.getByLabel('RapidCare database file').fill('database.sqlite')
  await page.getByRole('button', { name: 'Open and adopt' }).click()
  await expect(page.locator('.field--invalid')).toContainText('Give the full path')
  await page.screenshot({ path: shot('first-run-adopt-choice') })
  await page.getByLabel('RapidCare database file').fill(legacy)
  await page.getByRole('button', { name: 'Open and adopt' }).click()
  await expect(page.getByRole('heading', { name: 'Database adopted' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Adopted rows' })).toContainText('Hospitals3')
  await expect(page.getByText('2 amounts were not a whole number of paisa')).toBeVisible()
  await page.screenshot({ path: shot('first-run-adopted') })
  await page.getByRole('button', { name: 'Continue to sign in' }).click()

  await page.getByLabel('Email').fill('admin@rapidcare.com.bd')
  await page.getByLabel('Password').fill(LEGACY_PASSWORDS['admin@rapidcare.com.bd'])
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-user')).toHaveText('Kamal Hossain')
  await page.getByRole('button', { name: 'Hospitals' }).click()
  await expect(page.locator('tbody tr')).toHaveCount(3)
  await page.getByRole('button', { name: 'Resources' }).click()
  await expect(page.getByTestId('resource-beds').getByTestId('available')).toHaveText('35')
  await page.screenshot({ path: shot('adopted-resources') })
  await page.getByRole('button', { name: 'Audit trail' }).click()
  await page.getByRole('button', { name: 'Verify the trail' }).click()
  await expect(page.getByRole('status')).toContainText('All 9 resource counts agree')
  await page.screenshot({ path: shot('adopted-audit') })
})
