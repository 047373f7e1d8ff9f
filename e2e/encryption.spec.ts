import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ADMIN, expect, shot, startServe, test } from './fixtures'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

test('an encrypted desk: the recovery code once at first run, and Maintenance says Encrypted', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapidcare-e2e-'))
  const dbPath = path.join(dir, 'desk.sqlite')
  const keyFile = path.join(dir, 'desk.key')
  const { child, url, output, setupCode } = await startServe(dbPath, 0, ['--key-file', keyFile])
  try {
    const printed = /Recovery code: ([0-9A-Z-]+)/.exec(output)?.[1]
    expect(printed).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/)
    expect(output).not.toContain('Not encrypted')
    expect(fs.readFileSync(dbPath).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false)

    await page.goto(url)
    await page.getByLabel('Setup code').fill(setupCode!)
    await page.getByLabel('Full name').fill(ADMIN.name)
    await page.getByLabel('Email').fill(ADMIN.email)
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
    await page.getByLabel('Confirm password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Create administrator' }).click()

    await expect(page.getByRole('heading', { name: 'Keep the recovery code' })).toBeVisible()
    const code = page.getByTestId('recovery-code')
    await expect(code).toHaveText(printed!.replace(/-/g, ''))
    const go = page.getByRole('button', { name: 'Continue to sign in' })
    await expect(go).toBeDisabled()
    for (const [width, height] of [
      [1024, 768],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: shot(`first-run-recovery-code-${width}`) })
    }
    await page.getByLabel('I have printed or written down the recovery code').check()
    await go.click()

    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
    // Shown once: a reload of the page does not bring it back.
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
    await page.getByLabel('Email').fill(ADMIN.email)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Maintenance' }).click()
    const state = page.getByRole('note', { name: 'Encryption' })
    await expect(state).toContainText('Encrypted.')
    await expect(state).toContainText('unreadable without this desk’s key')
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 })
      await page.screenshot({ path: shot(`maintenance-encrypted-${width}`) })
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('a desk without a key says so in one line, and Maintenance says Not encrypted', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapidcare-e2e-'))
  const dbPath = path.join(dir, 'desk.sqlite')
  const { child, url, output, setupCode } = await startServe(dbPath)
  try {
    expect(output.split('\n').filter((l) => l.startsWith('Not encrypted:'))).toHaveLength(1)
    const res = await fetch(`${url}/api/auth.setupAdmin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...ADMIN, setupCode }),
    })
    const admin = ((await res.json()) as { value: { recoveryCode: string | null } }).value
    expect(admin.recoveryCode).toBeNull()
    await page.goto(url)
    await page.getByLabel('Email').fill(ADMIN.email)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Maintenance' }).click()
    const state = page.getByRole('note', { name: 'Encryption' })
    await expect(state).toContainText('Not encrypted.')
    await expect(state).toContainText('can read every patient')
    await page.screenshot({ path: shot('maintenance-not-encrypted') })
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
