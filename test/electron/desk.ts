/** Steps of a desk session in the harness's window, shared by the session test and the mutation tests. */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { expect, type Page } from '@playwright/test'
import type { ElectronHarness } from './harness'

export const ADMIN = { name: 'Ayesha Rahman', email: 'admin@rapidcare.test', password: 'correct-horse-42' }
export const STAFF_PASSWORD = 'desk-password-42'
export const RECEPTION = { name: 'Rina Akter', email: 'rina@rapidcare.test' }
export const AUTHORITY = { name: 'Dr. Kamal Hossain', email: 'kamal@rapidcare.test' }

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

/** A call through the preload's bridge, exactly as the renderer's client makes it; the envelope back. */
export function bridge(page: Page, channel: string, input: unknown): Promise<Envelope> {
  return page.evaluate(
    ([c, i]) =>
      (
        globalThis as unknown as { rapidcare: { invoke(c: string, i: unknown): Promise<Envelope> } }
      ).rapidcare.invoke(c as string, i),
    [channel, input] as const,
  )
}

export async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await bridge(page, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

/** The first administrator, then (an encrypted database) its recovery code, kept: returns the code shown. */
export async function firstRunAdmin(page: Page): Promise<string | null> {
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible()
  await page.getByLabel('Full name').fill(ADMIN.name)
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
  await page.getByLabel('Confirm password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Create administrator' }).click()
  const recovery = page.getByRole('heading', { name: 'Keep the recovery code' })
  await expect(recovery.or(page.getByRole('heading', { name: 'Sign in' }))).toBeVisible()
  let code: string | null = null
  if (await recovery.isVisible()) {
    code = await page.getByTestId('recovery-code').innerText()
    await page.getByLabel('I have printed or written down the recovery code').check()
    await page.getByRole('button', { name: 'Continue to sign in' }).click()
  }
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  return code
}

export async function signIn(
  page: Page,
  who: { name: string; email: string },
  password: string,
): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-user')).toHaveText(who.name)
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
}

/** An approved hospital with beds, a receptionist and its authority, made by the admin through the bridge. */
export async function setUpHospital(page: Page): Promise<number> {
  const { id } = await call<{ id: number }>(page, 'hospitals.create', {
    name: 'Dhaka Medical College Hospital',
    address: 'Secretariat Road, Dhaka',
    phone: '+880 2 5566 7788',
  })
  await call(page, 'hospitals.approve', { id })
  for (const [resourceType, total] of [
    ['beds', 12],
    ['icu', 4],
    ['operationTheatres', 2],
  ] as const)
    await call(page, 'resources.update', {
      hospitalId: id,
      resourceType,
      total,
      maintenance: 0,
      reason: 'Opening count',
    })
  await call(page, 'users.create', { ...RECEPTION, password: STAFF_PASSWORD, role: 'user', hospitalId: null })
  await call(page, 'users.create', {
    ...AUTHORITY,
    password: STAFF_PASSWORD,
    role: 'hospital-authority',
    hospitalId: id,
  })
  return id
}

/** File → Export Backup… with the save dialog answered by FILE; resolves once main reports the outcome. */
export async function exportFromMenu(
  harness: ElectronHarness,
  file: string,
): Promise<Electron.MessageBoxOptions> {
  harness.world.dialog.script.save = () => ({ canceled: false, filePath: file })
  const before = harness.world.dialog.calls.length
  harness.clickMenu(['File', 'Export Backup…'])
  return lastMessage(harness, before)
}

/** The next message box main shows after the BEFORE-th dialog. */
export async function lastMessage(
  harness: ElectronHarness,
  before: number,
): Promise<Electron.MessageBoxOptions> {
  await expect
    .poll(() => harness.world.dialog.calls.slice(before).filter((c) => c.kind === 'showMessageBox').length, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0)
  return harness.world.dialog.calls.slice(before).find((c) => c.kind === 'showMessageBox')!
    .options as Electron.MessageBoxOptions
}

/** Open a backup independently of the desk's restore: gunzip, the desk's key, integrity check, row counts. */
export function readBackup(
  harness: ElectronHarness,
  file: string,
): { integrity: string; counts: Record<string, number> } {
  const raw = zlib.gunzipSync(fs.readFileSync(file))
  const copy = path.join(path.dirname(file), `${path.basename(file)}.check.sqlite`)
  fs.writeFileSync(copy, raw)
  const db = harness.openDatabase(copy)
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? ''
    const counts: Record<string, number> = {}
    for (const table of ['hospitals', 'users', 'bookings'])
      counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    return { integrity, counts }
  } finally {
    db.close()
    fs.rmSync(copy, { force: true })
  }
}
