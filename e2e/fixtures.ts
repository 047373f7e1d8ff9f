/**
 * Each test gets its own desk: the real built renderer and the real services, served by browser
 * mode (`out/main/serve.js`) on a fresh SQLite file. Build first (`npm run test:e2e` does).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

export interface ServedDesk {
  url: string
  dbPath: string
  dir: string
  /** Call a channel the way the renderer does (for setting up data a test is not about). */
  api<T = unknown>(channel: string, input: unknown, token?: string): Promise<T>
}

/**
 * Browser mode on `dbPath`; `port` 0 picks a free one (a restart passes the one it had).
 * `output` is what it printed up to "Listening on".
 */
export async function startServe(
  dbPath: string,
  port = 0,
  extraArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string; output: string }> {
  const child = spawn(
    process.execPath,
    ['out/main/serve.js', '--db', dbPath, '--port', String(port), ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 20_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  return { child, url, output: out }
}

export const test = base.extend<{ desk: ServedDesk }>({
  desk: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapidcare-e2e-'))
    const dbPath = path.join(dir, 'desk.sqlite')
    const { child, url } = await startServe(dbPath)
    const api = async <T>(channel: string, input: unknown, token?: string): Promise<T> => {
      const res = await fetch(`${url}/api/${channel}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(input),
      })
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } }
      if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`)
      return body.value as T
    }
    await use({ url, dbPath, dir, api })
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    fs.rmSync(dir, { recursive: true, force: true })
  },
})

export { expect }

export const ADMIN = { name: 'Ayesha Rahman', email: 'admin@rapidcare.test', password: 'correct-horse-42' }

/** Create the first admin through the API (for tests that are not about first-run). */
export async function seedAdmin(desk: ServedDesk): Promise<string> {
  await desk.api('auth.setupAdmin', ADMIN)
  return (await desk.api<{ token: string }>('auth.login', { email: ADMIN.email, password: ADMIN.password }))
    .token
}

export async function signIn(page: Page, desk: ServedDesk, email: string, password: string): Promise<void> {
  await page.goto(desk.url)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-user')).toBeVisible()
}

/** Screenshots for people to look at land here (not committed). */
export function shot(name: string): string {
  return path.join('test-results', 'screens', `${name}.png`)
}
