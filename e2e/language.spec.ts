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

test('the language is the user’s: remembered on another workstation; a new desk starts in the OS language', async ({
  browser,
  desk,
}) => {
  await seedAdmin(desk)
  // A workstation whose operating system speaks Bangla: the sign-in screen is in Bangla already.
  const bangla = await browser.newContext({ locale: 'bn-BD' })
  const first = await bangla.newPage()
  await first.goto(desk.url)
  await expect(first.locator('html')).toHaveAttribute('lang', 'bn')
  await bangla.close()

  // An English workstation: the admin switches to Bangla once, signs out.
  const english = await browser.newContext({ locale: 'en-GB' })
  const page = await english.newPage()
  await signIn(page, desk, ADMIN.email, ADMIN.password)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn')
  await english.close()

  // Another English workstation, never used by them: signing in brings their Bangla back.
  const other = await browser.newContext({ locale: 'en-US' })
  const there = await other.newPage()
  await signIn(there, desk, ADMIN.email, ADMIN.password)
  await expect(there.locator('html')).toHaveAttribute('lang', 'bn')
  await expect(there.getByRole('button', { name: 'সেটিংস' })).toBeVisible()
  await other.close()
})
