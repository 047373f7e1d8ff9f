import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  exportBackup(): void
  restoreBackup(): void
  about(): void
  quit(): void
}

/** The application menu, as data: unit-tested without Electron. */
export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Export Backup…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportBackup() },
        { label: 'Restore Backup…', click: () => actions.restoreBackup() },
        { type: 'separator' },
        { label: 'Quit', accelerator: isMac ? 'Cmd+Q' : 'Ctrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'About RapidCare Desk', click: () => actions.about() }],
    },
  ]
  return template
}

export function aboutText(info: { appVersion: string; schemaVersion: number; databasePath: string }): string {
  return [
    `Version ${info.appVersion}`,
    `Schema version ${info.schemaVersion}`,
    `Database: ${info.databasePath}`,
  ].join('\n')
}
