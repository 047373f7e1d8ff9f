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
}

export type MenuOutcome = 'done' | 'canceled' | 'refused' | 'failed'

const TABLE_LABELS: [string, string][] = [
  ['hospitals', 'Hospitals'],
  ['users', 'Staff accounts'],
  ['bookings', 'Bookings'],
  ['transactions', 'Payments'],
  ['blood_requests', 'Blood requests'],
]

export function backupDate(iso: string | null): string {
  return iso ? format(new Date(iso), 'd MMMM yyyy, HH:mm') : 'an unknown date (the file has no manifest)'
}

/** What the restore confirmation says the backup holds. */
export function restoreSummary(backup: VerifiedBackup): string {
  const rows = TABLE_LABELS.filter(([t]) => t in backup.tables).map(
    ([t, label]) => `${label}: ${backup.tables[t]!.toLocaleString('en')}`,
  )
  const origin = [
    `Schema version ${backup.schemaVersion}`,
    backup.appVersion && `RapidCare Desk ${backup.appVersion}`,
    backup.workstation && `workstation ${backup.workstation}`,
  ]
    .filter(Boolean)
    .join(', ')
  return [...rows, '', origin].join('\n')
}

async function adminOnly(deps: BackupMenuDeps, what: string, doing: string): Promise<Actor | null> {
  const actor = deps.actor()
  if (actor?.role === 'admin') return actor
  await deps.dialogs.showMessageBox({
    type: 'warning',
    title: what,
    message: `Only an administrator can ${doing}.`,
    detail: `Sign in as an administrator, then choose File → ${what}… again.`,
  })
  return null
}

export async function exportFromMenu(deps: BackupMenuDeps): Promise<MenuOutcome> {
  const actor = await adminOnly(deps, 'Export Backup', 'export a backup')
  if (!actor) return 'refused'
  const folder = backupsFolder(deps.backup.dbPath)
  fs.mkdirSync(folder, { recursive: true })
  const chosen = await deps.dialogs.showSaveDialog({
    title: 'Export Backup',
    defaultPath: path.join(folder, defaultBackupName(deps.backup.now())),
    buttonLabel: 'Export',
    filters: [{ name: 'RapidCare backup', extensions: ['gz'] }],
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
      title: 'Backup verified',
      message: 'The backup is saved and verified.',
      detail: `${result.path}\n${formatBytes(result.sizeBytes)}\n\n${TABLE_LABELS.filter(
        ([t]) => t in result.manifest.tables,
      )
        .map(([t, label]) => `${label}: ${result.manifest.tables[t]!.toLocaleString('en')}`)
        .join('\n')}`,
    })
    return 'done'
  } catch (err) {
    await deps.dialogs.showMessageBox({
      type: 'error',
      title: 'Backup failed',
      message: 'The backup was not saved.',
      detail: (err as Error).message,
    })
    return 'failed'
  }
}

export async function restoreFromMenu(deps: BackupMenuDeps): Promise<MenuOutcome> {
  const actor = await adminOnly(deps, 'Restore Backup', 'restore a backup')
  if (!actor) return 'refused'
  const chosen = await deps.dialogs.showOpenDialog({
    title: 'Restore Backup',
    defaultPath: backupsFolder(deps.backup.dbPath),
    buttonLabel: 'Check backup',
    filters: [
      { name: 'RapidCare backup', extensions: ['gz', 'sqlite'] },
      { name: 'All files', extensions: ['*'] },
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
      title: 'This backup cannot be restored',
      message: 'Nothing was changed.',
      detail: (err as Error).message,
    })
    return 'refused'
  }
  const { response } = await deps.dialogs.showMessageBox({
    type: 'warning',
    title: 'Restore Backup',
    message: `Restore the backup of ${backupDate(backup.createdAt)}?`,
    detail: `${restoreSummary(backup)}\n\nThe current database is kept aside beside it (…pre-restore-…), then replaced by this backup. Anyone signed in who is not in the backup is signed out.`,
    buttons: ['Cancel', 'Restore'],
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
      title: 'Backup restored',
      message: `The desk now holds the backup of ${backupDate(backup.createdAt)}.`,
      detail: result.preRestorePath ? `The previous database is kept as ${result.preRestorePath}` : '',
    })
    return 'done'
  } catch (err) {
    await deps.dialogs.showMessageBox({
      type: 'error',
      title: 'Restore failed',
      message: 'The backup was not restored; the desk still holds its previous database.',
      detail: (err as Error).message,
    })
    return 'failed'
  }
}
