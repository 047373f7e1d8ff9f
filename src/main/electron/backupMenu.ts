/**
 * File → Export Backup… and File → Restore Backup…: main shows the native dialogs, then calls the
 * same services as the `backup.*` channels. Electron is reached only through the dialogs passed in
 * (typed by Electron's own option types), so the whole flow is tested without Electron.
 */
import fs from 'node:fs'
import path from 'node:path'
import { format } from 'date-fns'
import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { formatBytes, type VerifiedBackup } from '../../shared/contract/backup'
import { backupsFolder, defaultBackupName } from '../db/backup'
import { checkBackup, exportBackup, restoreBackup, type BackupDeps } from '../services/backup'
import type { Actor } from '../services/context'
import type { SessionStore } from '../services/sessions'
import * as words from '../../shared/i18n/areas/backup'
import { localiseError } from '../../shared/i18n/errorWords'
import { formatDateTime } from '../../shared/format'
import { fill, formatCount } from '../../shared/labels'
import type { Language } from '../../shared/locale/display'

export interface MenuDialogs {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>
}

export interface BackupMenuDeps {
  backup: BackupDeps
  dialogs: MenuDialogs
  /** Who is signed in in the window the menu belongs to (null: nobody). */
  actor(): Actor | null
  sessions: SessionStore
  /** Tell the page, so it shows the Backups screen with the job's progress. */
  notify(event: 'menu:export-backup' | 'menu:restore-backup'): void
  /** After a restore: the page starts again on the restored database. */
  reload(): void
  /** The language of the menu (the signed-in user's): these dialogs and the backup report speak it. */
  language?: Language
}

export type MenuOutcome = 'done' | 'canceled' | 'refused' | 'failed'

const TABLES = ['hospitals', 'users', 'bookings', 'transactions', 'blood_requests'] as const

function w(language: Language = 'en') {
  return language === 'bn' ? words.bn : words.en
}

/** A table's row count as the report lists it: "Bookings: 1,204". */
function tableRows(tables: Record<string, number>, language: Language = 'en'): string[] {
  return TABLES.filter((t) => t in tables).map(
    (t) => `${w(language).table[t]}: ${formatCount(tables[t]!, language)}`,
  )
}

/** Main's own refusal, said in the menu's language (shared/i18n/errorWords.ts). */
function reason(err: unknown, language: Language = 'en'): string {
  return localiseError({ code: 'CONFLICT', message: (err as Error).message }, language).message
}

export function backupDate(iso: string | null, language: Language = 'en'): string {
  if (!iso) return w(language).menu.unknownDate
  return language === 'bn' ? formatDateTime(iso, 'bn') : format(new Date(iso), 'd MMMM yyyy, HH:mm')
}

/** What the restore confirmation says the backup holds. */
export function restoreSummary(backup: VerifiedBackup, language: Language = 'en'): string {
  const m = w(language).menu
  const rows = tableRows(backup.tables, language)
  const origin = [
    fill(m.schema, { version: formatCount(backup.schemaVersion, language) }),
    backup.appVersion && fill(m.app, { version: backup.appVersion }),
    backup.workstation && fill(m.workstation, { name: backup.workstation }),
  ]
    .filter(Boolean)
    .join(', ')
  return [...rows, '', origin].join('\n')
}

async function adminOnly(deps: BackupMenuDeps, what: string, doing: string): Promise<Actor | null> {
  const actor = deps.actor()
  if (actor?.role === 'admin') return actor
  const m = w(deps.language).menu
  await deps.dialogs.showMessageBox({
    type: 'warning',
    title: what,
    message: fill(m.adminOnly, { doing }),
    detail: fill(m.adminOnlyDetail, { what }),
  })
  return null
}

export async function exportFromMenu(deps: BackupMenuDeps): Promise<MenuOutcome> {
  const m = w(deps.language).menu
  const actor = await adminOnly(deps, m.export, m.exportDoing)
  if (!actor) return 'refused'
  const folder = backupsFolder(deps.backup.dbPath)
  fs.mkdirSync(folder, { recursive: true })
  const chosen = await deps.dialogs.showSaveDialog({
    title: m.export,
    defaultPath: path.join(folder, defaultBackupName(deps.backup.now())),
    buttonLabel: m.exportButton,
    filters: [{ name: m.fileType, extensions: ['gz'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  })
  if (chosen.canceled || !chosen.filePath) return 'canceled'
  const outFile = /\.gz$/i.test(chosen.filePath) ? chosen.filePath : `${chosen.filePath}.sqlite.gz`
  deps.notify('menu:export-backup')
  try {
    // The dialog has already asked before replacing an existing file.
    const result = await exportBackup(deps.backup, {
      kind: 'manual',
      outFile,
      overwrite: true,
      by: actor.email,
    })
    await deps.dialogs.showMessageBox({
      type: 'info',
      title: m.verifiedTitle,
      message: m.verified,
      detail: `${result.path}\n${formatBytes(result.sizeBytes, deps.language)}\n\n${tableRows(
        result.manifest.tables,
        deps.language,
      ).join('\n')}`,
    })
    return 'done'
  } catch (err) {
    await deps.dialogs.showMessageBox({
      type: 'error',
      title: m.failedTitle,
      message: m.failed,
      detail: reason(err, deps.language),
    })
    return 'failed'
  }
}

export async function restoreFromMenu(deps: BackupMenuDeps): Promise<MenuOutcome> {
  const m = w(deps.language).menu
  const actor = await adminOnly(deps, m.restore, m.restoreDoing)
  if (!actor) return 'refused'
  const chosen = await deps.dialogs.showOpenDialog({
    title: m.restore,
    defaultPath: backupsFolder(deps.backup.dbPath),
    buttonLabel: m.checkButton,
    filters: [
      { name: m.fileType, extensions: ['gz', 'sqlite'] },
      { name: m.allFiles, extensions: ['*'] },
    ],
    properties: ['openFile'],
  })
  const file = chosen.filePaths[0]
  if (chosen.canceled || !file) return 'canceled'
  deps.notify('menu:restore-backup')
  let backup: VerifiedBackup
  try {
    backup = await checkBackup(deps.backup, file)
  } catch (err) {
    await deps.dialogs.showMessageBox({
      type: 'error',
      title: m.cannotTitle,
      message: m.nothingChanged,
      detail: reason(err, deps.language),
    })
    return 'refused'
  }
  const { response } = await deps.dialogs.showMessageBox({
    type: 'warning',
    title: m.restore,
    message: fill(m.confirm, { when: backupDate(backup.createdAt, deps.language) }),
    detail: `${restoreSummary(backup, deps.language)}\n\n${m.confirmDetail}`,
    buttons: [m.cancel, m.restoreButton],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  })
  if (response !== 1) return 'canceled'
  try {
    const result = await restoreBackup(deps.backup, file, {
      expectedSha256: backup.sha256,
      sessions: deps.sessions,
      by: actor,
    })
    deps.reload()
    await deps.dialogs.showMessageBox({
      type: 'info',
      title: m.restoredTitle,
      message: fill(m.restored, { when: backupDate(backup.createdAt, deps.language) }),
      detail: result.preRestorePath ? fill(m.keptAs, { path: result.preRestorePath }) : '',
    })
    return 'done'
  } catch (err) {
    await deps.dialogs.showMessageBox({
      type: 'error',
      title: m.restoreFailedTitle,
      message: m.restoreFailed,
      detail: reason(err, deps.language),
    })
    return 'failed'
  }
}
