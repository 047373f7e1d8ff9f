import { ADMIN, expect, shot, test } from './fixtures'

test('first run: create the administrator, wrong password, sign in, sign out', async ({ page, desk }) => {
  await page.goto(desk.url)
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible()
  await expect(
    page.getByText('At least 10 characters, with at least one letter and one digit.'),
  ).toBeVisible()

  // Without the code serve printed, the desk cannot be claimed.
  await page.getByLabel('Full name').fill(ADMIN.name)
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
  await page.getByLabel('Confirm password').fill(ADMIN.password)
  await page.getByLabel('Setup code').fill('0000-0001')
  await page.getByRole('button', { name: 'Create administrator' }).click()
  await expect(page.locator('.field--invalid')).toContainText('is not this desk’s setup code')
  await page.screenshot({ path: shot('first-run-setup-code') })
  await page.getByLabel('Setup code').fill(desk.setupCode!)

  await page.getByLabel('Full name').fill(ADMIN.name)
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password', { exact: true }).fill('short')
  await page.getByLabel('Confirm password').fill('short')
  await page.getByRole('button', { name: 'Create administrator' }).click()
  await expect(page.locator('.field--invalid').getByText(/at least 10 characters/i)).toBeVisible()
  await page.screenshot({ path: shot('first-run-error') })

  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
  await page.getByLabel('Confirm password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Create administrator' }).click()

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill('not-the-password-1')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.')
  await page.screenshot({ path: shot('login-wrong-password') })

  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.name)
  await page.screenshot({ path: shot('shell-admin') })

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  // Signed out means signed out: a reload does not bring the session back.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
})
