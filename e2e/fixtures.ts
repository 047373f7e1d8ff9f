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
  /** The first-run code serve printed under its address (null once an administrator exists). */
  setupCode: string | null
  dbPath: string
  dir: string
  /** Call a channel the way the renderer does (for setting up data a test is not about). */
  api<T = unknown>(channel: string, input: unknown, token?: string): Promise<T>
}

/**
 * Serve prints `Listening on URL`, then (while the desk has no administrator) `Setup code: NNNN-NNNN`
 * on the next line: wait for the line after the address so the code is never missed.
 */
export function readServeBanner(out: string): { url: string; setupCode: string | null } | null {
  const m = /Listening on (http:\/\/127\.0\.0\.1:\d+)\r?\n([^\n]*)\n/.exec(out)
  if (!m) return null
  const code = /^Setup code: (\d{4}-\d{4})\s*$/.exec(m[2]!)
  return { url: m[1]!, setupCode: code ? code[1]! : null }
}

/**
 * Browser mode on `dbPath`; `port` 0 picks a free one (a restart passes the one it had).
 * `output` is what it printed up to the line after "Listening on".
 */
export async function startServe(
  dbPath: string,
  port = 0,
  extraArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string; setupCode: string | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['out/main/serve.js', '--db', dbPath, '--port', String(port), ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const banner = await new Promise<{ url: string; setupCode: string | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 20_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const found = readServeBanner(out)
      if (found) {
        clearTimeout(timer)
        resolve(found)
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  return { child, ...banner, output: out }
}

export const test = base.extend<{ desk: ServedDesk }>({
  desk: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapidcare-e2e-'))
    const dbPath = path.join(dir, 'desk.sqlite')
    const { child, url, setupCode } = await startServe(dbPath)
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
    await use({ url, setupCode, dbPath, dir, api })
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    fs.rmSync(dir, { recursive: true, force: true })
  },
})

export { expect }

export const ADMIN = { name: 'Ayesha Rahman', email: 'admin@rapidcare.test', password: 'correct-horse-42' }

/** Create the first admin through the API (for tests that are not about first-run). */
export async function seedAdmin(desk: ServedDesk): Promise<string> {
  await desk.api('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })
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
