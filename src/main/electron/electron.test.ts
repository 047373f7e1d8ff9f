/** The Electron half's pure parts, tested without Electron: window options, CSP, menu, IPC registration. */
import type { IpcMainInvokeEvent } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN, makeDesk, type TestDesk } from '../../../test/helpers'
import { CHANNEL_NAMES } from '../../shared/contract'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/csp'
import { aboutText, menuTemplate } from './menu'
import { pdfFileName, registerPdf, SAVE_PDF_CHANNEL } from './pdf'
import { IPC_PREFIX, registerIpc } from './transport'
import { APP_ORIGIN, isAppUrl, windowOptions } from './window'

describe('the window', () => {
  it('isolates the page from Node', () => {
    const prefs = windowOptions('/app/preload/index.js').webPreferences!
    expect(prefs).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/preload/index.js',
    })
  })

  it('treats only its own pages as the app', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true)
    expect(isAppUrl('https://evil.example/')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })
})

describe('the content security policy', () => {
  it('allows nothing remote, no eval and no inline script', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]),
    )
    expect(directives['default-src']).toBe("default-src 'none'")
    expect(directives['script-src']).toBe("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
    expect(directives['frame-ancestors']).toBe("frame-ancestors 'none'")
  })

  it('has a meta-tag copy without frame-ancestors (ignored there), otherwise the same', () => {
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors')
    expect(CONTENT_SECURITY_POLICY_META.split('; ')).toEqual(
      CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')),
    )
  })
})

describe('the application menu', () => {
  it('has File (backup, restore, quit) and Help → About, each wired to its action', () => {
    const called: string[] = []
    const template = menuTemplate(
      {
        exportBackup: () => called.push('export'),
        restoreBackup: () => called.push('restore'),
        about: () => called.push('about'),
        quit: () => called.push('quit'),
      },
      'linux',
    )
    const file = template.find((m) => m.label === 'File')!
    const items = file.submenu as { label?: string; click?: () => void; accelerator?: string }[]
    expect(items.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Export Backup…',
      'Restore Backup…',
      'Quit',
    ])
    expect(items.find((i) => i.label === 'Quit')!.accelerator).toBe('Ctrl+Q')
    for (const i of items) i.click?.()
    const help = (
      template.find((m) => m.label === 'Help')!.submenu as { label?: string; click?: () => void }[]
    )[0]!
    help.click!()
    expect(called).toEqual(['export', 'restore', 'quit', 'about'])
  })

  it('About shows the app version, schema version and database path', () => {
    expect(aboutText({ appVersion: '1.2.3', schemaVersion: 4, databasePath: '/data/rapidcare.sqlite' })).toBe(
      'Version 1.2.3\nSchema version 4\nDatabase: /data/rapidcare.sqlite',
    )
  })

  it('speaks Bangla for a Bangla user: every label, the standard roles too, and About', () => {
    const noop = () => {}
    const template = menuTemplate(
      { exportBackup: noop, restoreBackup: noop, about: noop, quit: noop },
      'linux',
      'bn',
    )
    expect(template.map((m) => m.label)).toEqual(['ফাইল', 'সম্পাদনা', 'দেখুন', 'সাহায্য'])
    const labels = template.flatMap((m) =>
      (m.submenu as { label?: string }[]).map((i) => i.label).filter(Boolean),
    )
    expect(labels).toContain('ব্যাকআপ এক্সপোর্ট…')
    for (const label of labels) expect(label, label).toMatch(/[\u0980-\u09FF]/)
    expect(aboutText({ appVersion: '1.2.3', schemaVersion: 11, databasePath: '/d.sqlite' }, 'bn')).toBe(
      'সংস্করণ 1.2.3\nস্কিমা সংস্করণ ১১\nডেটাবেস: /d.sqlite',
    )
  })
})

describe('IPC registration', () => {
  let desk: TestDesk
  afterEach(() => desk?.close())

  function fakeIpc() {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>()
    return {
      handlers,
      handle(channel: string, fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        handlers.set(channel, fn as never)
      },
      invoke(channel: string, input: unknown, sender = { id: 1, url: `${APP_ORIGIN}/index.html` }) {
        const event = {
          sender: { id: sender.id },
          senderFrame: { url: sender.url },
        } as unknown as IpcMainInvokeEvent
        return handlers.get(IPC_PREFIX + channel)!(event, input)
      },
    }
  }

  it('registers exactly one handler per channel of the contract', () => {
    desk = makeDesk()
    const ipc = fakeIpc()
    registerIpc(ipc, desk.dispatcher)
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => IPC_PREFIX + c).sort())
  })

  it('binds the session to the sender and never hands the token to the page', async () => {
    desk = makeDesk()
    const ipc = fakeIpc()
    registerIpc(ipc, desk.dispatcher)
    // The desk's own window never types the setup code: main supplies it (item 12).
    expect(await ipc.invoke('auth.setupAdmin', { ...ADMIN, setupCode: '' })).toMatchObject({ ok: true })
    const login = (await ipc.invoke('auth.login', { email: ADMIN.email, password: ADMIN.password })) as {
      value: { token: string }
    }
    expect(login.value.token).toBe('')
    expect(await ipc.invoke('auth.me', {})).toMatchObject({ ok: true, value: { email: ADMIN.email } })
    // Another window (webContents) is not signed in by this one's login.
    expect(await ipc.invoke('auth.me', {}, { id: 2, url: `${APP_ORIGIN}/index.html` })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    await ipc.invoke('auth.logout', {})
    expect(await ipc.invoke('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('refuses calls from a frame that is not the desk’s own page', async () => {
    desk = makeDesk()
    const ipc = fakeIpc()
    registerIpc(ipc, desk.dispatcher)
    expect(await ipc.invoke('auth.status', {}, { id: 1, url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('Save as PDF', () => {
  function setup(askPath: string | null) {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>()
    const written: { path: string; bytes: number }[] = []
    const asked: string[] = []
    registerPdf(
      { handle: (c, fn) => handlers.set(c, fn as never) },
      {
        askPath: async (name) => (asked.push(name), askPath),
        printToPdf: async () => new Uint8Array([37, 80, 68, 70]),
        writeFile: async (path, data) => void written.push({ path, bytes: data.length }),
      },
    )
    const invoke = (input: unknown, url = `${APP_ORIGIN}/index.html`) =>
      handlers.get(SAVE_PDF_CHANNEL)!({ senderFrame: { url } } as unknown as IpcMainInvokeEvent, input)
    return { invoke, written, asked }
  }

  it('asks where to save, offering the page’s name as a .pdf, and writes the printed page there', async () => {
    const { invoke, written, asked } = setup('/home/desk/slip.pdf')
    expect(await invoke('Admission slip RC-2026-000123')).toEqual({
      saved: true,
      path: '/home/desk/slip.pdf',
    })
    expect(asked).toEqual(['Admission slip RC-2026-000123.pdf'])
    expect(written).toEqual([{ path: '/home/desk/slip.pdf', bytes: 4 }])
    expect(pdfFileName('a.PDF')).toBe('a.PDF')
  })

  it('offers a Bangla name as the slip is titled in Bangla: vowel signs and hasanta are part of the word', async () => {
    const { invoke, asked } = setup('/home/desk/slip.pdf')
    expect(await invoke('ভর্তির স্লিপ RC-2026-000123')).toMatchObject({ saved: true })
    expect(asked).toEqual(['ভর্তির স্লিপ RC-2026-000123.pdf'])
  })

  it('writes nothing when cancelled, for a path-like name, or for a foreign page', async () => {
    const cancelled = setup(null)
    expect(await cancelled.invoke('slip')).toEqual({ saved: false, reason: 'Cancelled.' })
    const s = setup('/tmp/x.pdf')
    expect(await s.invoke('../../etc/passwd')).toMatchObject({ saved: false })
    expect(await s.invoke({ name: 'x' })).toMatchObject({ saved: false })
    expect(await s.invoke('slip', 'https://evil.example/')).toEqual({ saved: false, reason: 'Refused.' })
    expect(s.written).toEqual([])
    expect(s.asked).toEqual([])
  })
})
