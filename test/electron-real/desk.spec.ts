/**
 * The same desk in the real Electron, for a machine that can download it (`npm run
 * test:electron:real`): what the harness's double stands in for, confirmed by the real thing. Skipped,
 * saying so, where the Electron binary is missing (as on the development machines).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron, expect, test, type ElectronApplication } from '@playwright/test'
import { ADMIN, firstRunAdmin, signIn } from '../electron/desk'

const REPO = path.resolve(__dirname, '..', '..')

function electronBinary(): string | null {
  const pathFile = path.join(REPO, 'node_modules', 'electron', 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const binary = path.join(REPO, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(binary) ? binary : null
}

const binary = electronBinary()
let app: ElectronApplication | undefined
test.afterEach(async () => app?.close())

test('the real Electron: app:// with its CSP, no Node in the page, first run and sign-in over IPC, File → Export Backup', async () => {
  test.skip(!binary, 'The Electron runtime is not installed on this machine (node_modules/electron/dist).')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-real-electron-'))
  app = await _electron.launch({
    executablePath: binary!,
    args: [REPO],
    env: { ...process.env, RAPIDCARE_DB: path.join(dir, 'desk.sqlite'), ELECTRON_RENDERER_URL: '' },
  })
  const page = await app.firstWindow()
  expect(page.url()).toBe('app://desk/index.html')

  const csp = await page.evaluate(async () =>
    (await fetch('/index.html')).headers.get('content-security-policy'),
  )
  expect(csp).toContain("default-src 'none'")
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')

  await firstRunAdmin(page)
  await signIn(page, ADMIN, ADMIN.password)

  // File → Export Backup… with the native dialogs answered in main, as a person would.
  const file = path.join(dir, 'menu.sqlite.gz')
  await app.evaluate(({ dialog, Menu }, target) => {
    const shown: string[] = []
    ;(globalThis as { shownMessages?: string[] }).shownMessages = shown
    dialog.showSaveDialog = (async () => ({
      canceled: false,
      filePath: target,
    })) as typeof dialog.showSaveDialog
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args[args.length - 1] as { title?: string }
      shown.push(options.title ?? '')
      return { response: 0, checkboxChecked: false }
    }) as typeof dialog.showMessageBox
    const file = Menu.getApplicationMenu()!.items.find((i) => i.label === 'File')!
    file.submenu!.items.find((i) => i.label === 'Export Backup…')!.click()
  }, file)
  await expect
    .poll(() => app!.evaluate(() => (globalThis as { shownMessages?: string[] }).shownMessages), {
      timeout: 60_000,
    })
    .toContain('Backup verified')
  expect(fs.statSync(file).size).toBeGreaterThan(0)
})
