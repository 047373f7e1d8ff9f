import type { MenuItemConstructorOptions } from 'electron'
import * as words from '../../shared/i18n/areas/menu'
import { fill, formatDigits } from '../../shared/labels'
import type { Language } from '../../shared/locale/display'

export interface MenuActions {
  exportBackup(): void
  restoreBackup(): void
  about(): void
  quit(): void
}

/** The menu's words in a language (areas/menu.ts). */
export function menuWords(language: Language = 'en'): typeof words.en {
  return language === 'bn' ? words.bn : words.en
}

/**
 * The application menu, as data: unit-tested without Electron. In the language given (main passes
 * the signed-in user's, else the OS's); the standard roles get their words too, so Electron's own
 * (which follow the OS, not the user) never mix in.
 */
export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
  language: Language = 'en',
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const w = menuWords(language)
  const template: MenuItemConstructorOptions[] = [
    {
      label: w.file,
      submenu: [
        { label: w.exportBackup, accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportBackup() },
        { label: w.restoreBackup, click: () => actions.restoreBackup() },
        { type: 'separator' },
        { label: w.quit, accelerator: isMac ? 'Cmd+Q' : 'Ctrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: w.edit,
      submenu: [
        { role: 'undo', label: w.undo },
        { role: 'redo', label: w.redo },
        { type: 'separator' },
        { role: 'cut', label: w.cut },
        { role: 'copy', label: w.copy },
        { role: 'paste', label: w.paste },
        { role: 'selectAll', label: w.selectAll },
      ],
    },
    {
      label: w.view,
      submenu: [
        { role: 'reload', label: w.reload },
        { role: 'resetZoom', label: w.resetZoom },
        { role: 'zoomIn', label: w.zoomIn },
        { role: 'zoomOut', label: w.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: w.fullScreen },
      ],
    },
    {
      label: w.help,
      submenu: [{ label: w.about, click: () => actions.about() }],
    },
  ]
  return template
}

export function aboutText(
  info: { appVersion: string; schemaVersion: number; databasePath: string },
  language: Language = 'en',
): string {
  const w = menuWords(language)
  return [
    fill(w.aboutVersion, { version: info.appVersion }),
    fill(w.aboutSchema, { version: formatDigits(info.schemaVersion, language) }),
    fill(w.aboutDatabase, { path: info.databasePath }),
  ].join('\n')
}
