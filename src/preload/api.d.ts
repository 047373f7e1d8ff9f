/** What the preload exposes as `window.rapidcare`: the renderer sees only this declaration. */
import type { ChangeEvent, LiveConnection } from '../shared/live'

export type MenuEvent = 'menu:export-backup' | 'menu:restore-backup' | 'menu:about'

export interface DeskBridge {
  invoke(channel: string, input: unknown): Promise<unknown>
  onMenu(event: MenuEvent, listener: () => void): () => void
  /** Live changes of the database (areas and hospitals, never rows); returns the unsubscribe. */
  onChange(listener: (event: ChangeEvent) => void): () => void
  /** A connected desk's link to the hub going down and coming back. */
  onConnection(listener: (connection: LiveConnection) => void): () => void
  /** Electron only: print this page to a PDF the user saves with the system dialog. */
  savePdf(suggestedName: string): Promise<{ saved: true; path: string } | { saved: false; reason: string }>
  /** Electron only: save an export (a .csv or .xlsx) where the user chooses with the system dialog. */
  saveFile(
    name: string,
    data: Uint8Array,
  ): Promise<{ saved: true; path: string } | { saved: false; reason: string }>
}

declare global {
  interface Window {
    rapidcare?: DeskBridge
  }
}
