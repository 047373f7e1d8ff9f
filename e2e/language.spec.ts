import { ADMIN, expect, seedAdmin, shot, signIn, test } from './fixtures'

test('one click shows the desk in Bangla: labels, money and dates follow, Bangla digits can be turned off', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const admin = await seedAdmin(desk)
  await desk.api(
    'hospitals.create',
    { name: 'Dhaka Medical College Hospital', address: 'Secretariat Road, Dhaka', phone: '02-9550000' },
    admin,
  )
  await signIn(page, desk, ADMIN.email, ADMIN.password)
  await page.getByRole('button', { name: 'Hospitals', exact: true }).click()
  await expect(page.getByText('Pending').first()).toBeVisible()

  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn')
  // A hospital's status is a code label: it follows the switch without reloading.
  await expect(page.getByText('অপেক্ষমাণ').first()).toBeVisible()
  await page.screenshot({ path: shot('language-hospitals-bn-1366') })

  // Money: lakh grouping in Bangla digits, then ASCII digits once the user turns them off.
  await page.getByRole('button', { name: 'সেটিংস' }).click()
  await expect(page.getByText('৳১,০০০.০০').first()).toBeVisible()
  const digits = page.getByTestId('digits-switch')
  await expect(digits).toHaveAttribute('aria-checked', 'true')
  await digits.click()
  await expect(digits).toHaveAttribute('aria-checked', 'false')
  await expect(page.getByText('৳1,000.00').first()).toBeVisible()

  // Back to English in one click: the words are exactly the English ones again.
  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByTestId('digits-switch')).toHaveCount(0)
  await page.getByRole('button', { name: 'Hospitals', exact: true }).click()
  await expect(page.getByText('Pending').first()).toBeVisible()
})
