/** File → Export Backup… / Restore Backup…, with the native dialogs replaced by scripted answers. */
import fs from 'node:fs'
import path from 'node:path'
import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { backupsFolder } from '../db/backup'
import type { Actor } from '../services/context'
import { exportFromMenu, restoreFromMenu, type BackupMenuDeps } from './backupMenu'

let desk: TestDesk | null = null
afterEach(() => {
  desk?.live.close()
  desk = null
})

interface Script {
  save?: string | null
  open?: string | null
  /** The button pressed in each message box, in order (default: the first). */
  answers?: number[]
}

function scripted(d: TestDesk, actor: Actor | null, script: Script) {
  const boxes: MessageBoxOptions[] = []
  const saves: SaveDialogOptions[] = []
  const opens: OpenDialogOptions[] = []
  const events: string[] = []
  const answers = [...(script.answers ?? [])]
  const deps: BackupMenuDeps = {
    backup: {
      dbPath: d.dbPath,
      live: d.live,
      now: () => new Date('2026-04-01T08:30:00'),
      app: d.app,
      client: { workstation: 'front-desk-2', userAgent: 'test' },
    },
    sessions: d.dispatcher.sessions,
    actor: () => actor,
    dialogs: {
      showSaveDialog: async (o) => {
        saves.push(o)
        return script.save ? { canceled: false, filePath: script.save } : { canceled: true }
      },
      showOpenDialog: async (o) => {
        opens.push(o)
        return script.open ? { canceled: false, filePaths: [script.open] } : { canceled: true, filePaths: [] }
      },
      showMessageBox: async (o) => {
        boxes.push(o)
        return { response: answers.shift() ?? 0 }
      },
    },
    notify: (e) => events.push(e),
    reload: () => events.push('reload'),
  }
  return { deps, boxes, saves, opens, events }
}

async function adminActor(d: TestDesk): Promise<Actor> {
  const token = await d.adminToken()
  const me = await d.call('auth.me', {}, token)
  return { id: me.id, name: me.name, email: me.email, role: me.role, hospitalId: me.hospitalId }
}

describe('File → Export Backup…', () => {
  it('offers the default name in the backups folder, then saves a verified backup where chosen', async () => {
    desk = makeDesk()
    const actor = await adminActor(desk)
    const target = path.join(desk.dir, 'usb-stick', 'monday')
    fs.mkdirSync(path.dirname(target))
    const { deps, saves, boxes, events } = scripted(desk, actor, { save: target })

    expect(await exportFromMenu(deps)).toBe('done')
    expect(saves[0]!.defaultPath).toBe(
      path.join(backupsFolder(desk.dbPath), 'rapidcare-backup-20260401-083000.sqlite.gz'),
    )
    expect(fs.existsSync(`${target}.sqlite.gz`)).toBe(true)
    expect(events).toEqual(['menu:export-backup'])
    expect(boxes[0]).toMatchObject({ type: 'info', message: 'The backup is saved and verified.' })
    expect(boxes[0]!.detail).toContain(`${target}.sqlite.gz`)
  })

  it('speaks the menu’s language: a Bangla administrator gets the dialogs and the report in Bangla', async () => {
    desk = makeDesk()
    const actor = await adminActor(desk)
    const target = path.join(desk.dir, 'bangla')
    const { deps, saves, boxes } = scripted(desk, actor, { save: target })
    deps.language = 'bn'
    expect(await exportFromMenu(deps)).toBe('done')
    expect(saves[0]).toMatchObject({ title: 'ব্যাকআপ এক্সপোর্ট', buttonLabel: 'এক্সপোর্ট' })
    expect(boxes[0]).toMatchObject({
      title: 'ব্যাকআপ যাচাই হয়েছে',
      message: 'ব্যাকআপ সংরক্ষিত ও যাচাই করা হয়েছে।',
    })
    expect(boxes[0]!.detail).toMatch(/কর্মীদের অ্যাকাউন্ট: ১\n/)
    const clerk = scripted(desk, null, { save: target })
    clerk.deps.language = 'bn'
    expect(await exportFromMenu(clerk.deps)).toBe('refused')
    expect(clerk.boxes[0]!.message).toBe('শুধু অ্যাডমিন ব্যাকআপ এক্সপোর্ট করতে পারেন।')
  })

  it('does nothing when the dialog is cancelled, and refuses anyone but an administrator', async () => {
    desk = makeDesk()
    const actor = await adminActor(desk)
    const cancelled = scripted(desk, actor, { save: null })
    expect(await exportFromMenu(cancelled.deps)).toBe('canceled')
    expect(fs.readdirSync(backupsFolder(desk.dbPath))).toEqual([])

    const frontDesk = scripted(desk, { ...actor, role: 'user' }, { save: path.join(desk.dir, 'x.gz') })
    expect(await exportFromMenu(frontDesk.deps)).toBe('refused')
    expect(frontDesk.saves).toEqual([])
    expect(frontDesk.boxes[0]!.message).toBe('Only an administrator can export a backup.')
    const nobody = scripted(desk, null, { save: path.join(desk.dir, 'x.gz') })
    expect(await exportFromMenu(nobody.deps)).toBe('refused')
    expect(fs.existsSync(path.join(desk.dir, 'x.gz'))).toBe(false)
  })

  it('says why when the backup cannot be written', async () => {
    desk = makeDesk()
    const actor = await adminActor(desk)
    const { deps, boxes } = scripted(desk, actor, { save: path.join(desk.dir, 'gone', 'b.sqlite.gz') })
    expect(await exportFromMenu(deps)).toBe('failed')
    expect(boxes[0]).toMatchObject({ type: 'error', message: 'The backup was not saved.' })
    expect(boxes[0]!.detail).toMatch(/does not exist/)
  })
})

describe('File → Restore Backup…', () => {
  it('checks the file, names its date and counts, and restores only on confirmation', async () => {
    desk = makeDesk()
    const actor = await adminActor(desk)
    const token = await desk.adminToken()
    const { path: file } = await desk.call('backup.export', {}, token)
    desk.live.db
      .prepare(
        `INSERT INTO hospitals (name, address, phone) VALUES ('Added later', 'Sylhet', '+8801800000000')`,
      )
      .run()

    const declined = scripted(desk, actor, { open: file, answers: [0] })
    expect(await restoreFromMenu(declined.deps)).toBe('canceled')
    const confirm = declined.boxes[0]!
    expect(confirm.message).toMatch(/^Restore the backup of \d{1,2} \w+ \d{4}, \d{2}:\d{2}\?$/)
    expect(confirm.detail).toContain('Hospitals: 0')
    expect(confirm.detail).toContain('Staff accounts: 1')
    expect(confirm.buttons).toEqual(['Cancel', 'Restore'])
    expect(desk.live.db.prepare('SELECT COUNT(*) FROM hospitals').pluck().get()).toBe(1)

    const accepted = scripted(desk, actor, { open: file, answers: [1, 0] })
    expect(await restoreFromMenu(accepted.deps)).toBe('done')
    expect(desk.live.db.prepare('SELECT COUNT(*) FROM hospitals').pluck().get()).toBe(0)
    expect(accepted.events).toEqual(['menu:restore-backup', 'reload'])
    expect(accepted.boxes[1]!.detail).toMatch(/pre-restore-/)
  })

  it('refuses a file that is not a backup, with its reason, changing nothing', async () => {
    desk = makeDesk()
    const actor = await adminActor(desk)
    const notes = path.join(desk.dir, 'notes.txt')
    fs.writeFileSync(notes, 'not a backup')
    const { deps, boxes, events } = scripted(desk, actor, { open: notes })
    expect(await restoreFromMenu(deps)).toBe('refused')
    expect(boxes[0]).toMatchObject({ type: 'error', message: 'Nothing was changed.' })
    expect(boxes[0]!.detail).toMatch(/not a RapidCare backup/)
    expect(events).not.toContain('reload')
    expect(fs.readdirSync(desk.dir).filter((f) => f.includes('pre-restore'))).toEqual([])
  })
})
