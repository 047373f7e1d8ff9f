/** Menu and dialog: what main shows the user outside the page. */
import type { World } from './world'
import type { Double } from './types'
import type { BrowserWindowDouble } from './window'

const ROLES_WITHOUT_LABEL = new Set(['separator'])

export class MenuItemDouble {
  readonly label: string
  readonly role?: Electron.MenuItemConstructorOptions['role']
  readonly type: NonNullable<Electron.MenuItemConstructorOptions['type']>
  readonly accelerator?: string
  readonly enabled: boolean
  readonly submenu?: MenuDouble
  private readonly clickHandler?: Electron.MenuItemConstructorOptions['click']

  constructor(options: Electron.MenuItemConstructorOptions) {
    if (!options.label && !options.role && !options.type)
      throw new Error('Invalid template for MenuItem: must have at least one of label, role or type')
    this.label = options.label ?? ''
    this.role = options.role
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal')
    this.accelerator = options.accelerator as string | undefined
    this.enabled = options.enabled !== false
    this.clickHandler = options.click
    if (options.submenu)
      this.submenu = MenuDouble.buildFromTemplate(options.submenu as Electron.MenuItemConstructorOptions[])
    if (!this.label && !this.role && !ROLES_WITHOUT_LABEL.has(this.type))
      throw new Error('A menu item needs a label or a role')
  }

  /** A click, with the arguments Electron passes: the item, the focused window, the keyboard event. */
  click(window: BrowserWindowDouble | undefined): void {
    if (!this.enabled) throw new Error(`Menu item ${this.label} is disabled`)
    this.clickHandler?.(this as unknown as Electron.MenuItem, window as unknown as Electron.BrowserWindow, {
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      triggeredByAccelerator: false,
    })
  }
}

export class MenuDouble {
  constructor(readonly items: MenuItemDouble[]) {}

  static buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): MenuDouble {
    return new MenuDouble(template.map((options) => new MenuItemDouble(options)))
  }

  /** The item at a path of labels, e.g. ['File', 'Export Backup…']. */
  find(labels: string[]): MenuItemDouble | null {
    let items = this.items
    let found: MenuItemDouble | undefined
    for (const label of labels) {
      found = items.find((i) => i.label === label)
      if (!found) return null
      items = found.submenu?.items ?? []
    }
    return found ?? null
  }
}

/** The static side of Electron's Menu, bound to one world. */
export class MenuModuleDouble {
  application: MenuDouble | null = null

  constructor(private readonly world: World) {}

  buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): MenuDouble {
    return MenuDouble.buildFromTemplate(template)
  }

  setApplicationMenu(menu: MenuDouble | null): void {
    this.world.record('Menu.setApplicationMenu', [menu])
    this.application = menu
  }

  getApplicationMenu(): MenuDouble | null {
    return this.application
  }
}

export type DialogKind = 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'

export interface DialogCall {
  kind: DialogKind
  /** The window the dialog is modal to, if any. */
  window: BrowserWindowDouble | null
  options:
    | Electron.SaveDialogOptions
    | Electron.OpenDialogOptions
    | Electron.MessageBoxOptions
    | { title: string; content: string }
}

/** The user at the native dialogs: a test scripts each answer; an unscripted one is a failure. */
export interface DialogScript {
  save?: (options: Electron.SaveDialogOptions) => Electron.SaveDialogReturnValue
  open?: (options: Electron.OpenDialogOptions) => Electron.OpenDialogReturnValue
  /** Default: the default button (what Enter presses). */
  message?: (options: Electron.MessageBoxOptions) => number
}

// Main passes its BrowserWindow, which at run time is the double's.
type Modal<O> = [O] | [Electron.BaseWindow, O]

export class DialogDouble implements Double<
  Electron.Dialog,
  'showSaveDialog' | 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'
> {
  readonly calls: DialogCall[] = []
  script: DialogScript = {}

  constructor(private readonly world: World) {}

  private take<O extends object>(kind: DialogKind, args: Modal<O>): O {
    const [window, options] = args.length === 2 ? args : [null, args[0]]
    this.calls.push({
      kind,
      window: window as unknown as BrowserWindowDouble | null,
      options: options as DialogCall['options'],
    })
    this.world.record(`dialog.${kind}`, [options])
    return options
  }

  async showSaveDialog(...args: Modal<Electron.SaveDialogOptions>): Promise<Electron.SaveDialogReturnValue> {
    const options = this.take('showSaveDialog', args)
    if (!this.script.save) throw new Error(`An unscripted save dialog: ${options.title}`)
    return this.script.save(options)
  }

  async showOpenDialog(...args: Modal<Electron.OpenDialogOptions>): Promise<Electron.OpenDialogReturnValue> {
    const options = this.take('showOpenDialog', args)
    if (!this.script.open) throw new Error(`An unscripted open dialog: ${options.title}`)
    return this.script.open(options)
  }

  async showMessageBox(...args: Modal<Electron.MessageBoxOptions>): Promise<Electron.MessageBoxReturnValue> {
    const options = this.take('showMessageBox', args)
    const response = this.script.message ? this.script.message(options) : (options.defaultId ?? 0)
    return { response, checkboxChecked: false }
  }

  showErrorBox(title: string, content: string): void {
    this.take('showErrorBox', [{ title, content }])
  }
}
