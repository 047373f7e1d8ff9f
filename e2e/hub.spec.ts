/**
 * The hub over HTTPS (`serve --lan`, bound to loopback here: nothing in the tests talks to any other
 * address): the whole desk in a browser that accepted its self-signed certificate, live included,
 * and the admin's Settings showing the address and fingerprint other desks need.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ADMIN, expect, shot, test } from './fixtures'

test('the hub serves the desk over HTTPS; Settings shows its address and certificate fingerprint', async ({
  browser,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapidcare-e2e-hub-'))
  const child = spawn(
    process.execPath,
    [
      'out/main/serve.js',
      '--lan',
      '--listen',
      '127.0.0.1',
      '--port',
      '0',
      '--db',
      path.join(dir, 'hub.sqlite'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  try {
    let out = ''
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString()
        if (/Certificate SHA-256: \S+\n/.test(out)) resolve()
      })
      child.once('exit', (code) => reject(new Error(`serve --lan exited ${code}`)))
    })
    const url = /Listening on (https:\/\/\S+)/.exec(out)![1]!
    const fingerprint = /Certificate SHA-256: (\S+)/.exec(out)![1]!
    const setupCode = /Setup code: (\d{4}-\d{4})/.exec(out)![1]!

    // A workstation's browser, once the person has checked the certificate's fingerprint.
    const context = await browser.newContext({ ignoreHTTPSErrors: true })
    const page = await context.newPage()
    const setup = await page.request.post(`${url}/api/auth.setupAdmin`, { data: { ...ADMIN, setupCode } })
    expect(setup.ok()).toBe(true)
    await page.goto(url)
    await page.getByLabel('Email').fill(ADMIN.email)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByTestId('signed-in-user')).toBeVisible()
    await page.getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByTestId('hub-url')).toHaveText(url)
    await expect(page.getByTestId('hub-fingerprint')).toHaveText(fingerprint)
    await page.screenshot({ path: shot('hub-settings') })

    // Live over HTTPS as well: a hospital registered through the API reaches the open overview.
    const login = await page.request.post(`${url}/api/auth.login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    })
    const token = ((await login.json()) as { value: { token: string } }).value.token
    await page.getByRole('button', { name: 'Overview' }).click()
    const created = await page.request.post(`${url}/api/hospitals.create`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { name: 'Kurmitola General Hospital', address: 'Dhaka Cantonment', phone: '+88029550001' },
    })
    expect(created.ok()).toBe(true)
    await expect(page.getByText('Kurmitola General Hospital')).toBeVisible({ timeout: 2000 })
    await context.close()
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
