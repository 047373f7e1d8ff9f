/** What the preload exposes as `window.rapidcare`: the renderer sees only this declaration. */
export type MenuEvent = 'menu:export-backup' | 'menu:restore-backup' | 'menu:about'

export interface DeskBridge {
  invoke(channel: string, input: unknown): Promise<unknown>
  onMenu(event: MenuEvent, listener: () => void): () => void
}

declare global {
  interface Window {
    rapidcare?: DeskBridge
  }
}
