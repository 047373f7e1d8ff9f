import { ADMIN, expect, seedAdmin, shot, signIn, test } from './fixtures'

test('the admin exports a verified backup from the Backups screen, then restores it', async ({
  page,
  desk,
}) => {
  const token = await seedAdmin(desk)
  for (const name of ['Dhaka Medical College Hospital', 'Square Hospital'])
    await desk.api('hospitals.create', { name, address: 'Dhaka', phone: '+880 2 4478 1234' }, token)

  await signIn(page, desk, ADMIN.email, ADMIN.password)
  await page.getByRole('button', { name: 'Backups' }).click()
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible()

  await page.getByRole('button', { name: 'Export backup now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Backup verified' })).toBeVisible()
  const exported = page.getByRole('row').filter({ hasText: 'Exported' })
  await expect(exported).toHaveCount(1)
  await expect(exported.getByText('Verified')).toBeVisible()
  await page.screenshot({ path: shot('backups-exported') })

  // Work goes on after the backup: a third hospital.
  await desk.api(
    'hospitals.create',
    { name: 'Late Addition Clinic', address: 'Sylhet', phone: '+880 2 5500 1234' },
    token,
  )
  expect((await desk.api<{ total: number }>('hospitals.list', {}, token)).total).toBe(3)

  await exported.getByRole('button', { name: /^Restore/ }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: /^Restore the backup of / })).toBeVisible()
  await expect(dialog.locator('.restore-counts div').filter({ hasText: 'Hospitals' })).toContainText('2')
  await expect(dialog.locator('.restore-counts div').filter({ hasText: 'Staff accounts' })).toContainText('1')
  await page.screenshot({ path: shot('backups-confirm-restore') })

  await dialog.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup of' })).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.screenshot({ path: shot('backups-restored') })
  // The desk now holds what the backup held, and the admin is still signed in.
  expect((await desk.api<{ total: number }>('hospitals.list', {}, token)).total).toBe(2)
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.name)
})

test('the Maintenance screen reports the database and runs the integrity check', async ({ page, desk }) => {
  const token = await seedAdmin(desk)
  await desk.api(
    'hospitals.create',
    { name: 'Evercare Hospital', address: 'Dhaka', phone: '+880 2 4478 1234' },
    token,
  )
  await signIn(page, desk, ADMIN.email, ADMIN.password)
  await page.getByRole('button', { name: 'Maintenance' }).click()
  await expect(page.getByRole('heading', { name: 'Maintenance' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: /^hospitals/ })).toContainText('1')

  await page.getByRole('button', { name: 'Check now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible()
  await expect(page.locator('.stat').filter({ hasText: 'Last integrity check' })).toContainText('No problems')

  await page.getByRole('button', { name: 'Clean up…' }).click()
  await expect(
    page.getByRole('dialog').getByRole('heading', { name: 'Clean up the database?' }),
  ).toBeVisible()
  await page.screenshot({ path: shot('maintenance-cleanup') })
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await page.screenshot({ path: shot('maintenance') })
})

test('a front-desk user has no Backups or Maintenance', async ({ page, desk }) => {
  const token = await seedAdmin(desk)
  await desk.api(
    'users.create',
    { name: 'Front Desk', email: 'desk@rapidcare.test', password: 'front-desk-pass-1', role: 'user' },
    token,
  )
  await signIn(page, desk, 'desk@rapidcare.test', 'front-desk-pass-1')
  await expect(page.getByRole('button', { name: 'Overview' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Backups' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Maintenance' })).toHaveCount(0)
})
