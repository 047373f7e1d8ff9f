/** The only bridge between the page and main: one typed invoke, and menu events. Nothing of Node. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { DeskBridge, MenuEvent } from './api'

const MENU_EVENTS: readonly MenuEvent[] = ['menu:export-backup', 'menu:restore-backup', 'menu:about']

const bridge: DeskBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(`rc:${channel}`, input),
  savePdf: (suggestedName) => ipcRenderer.invoke('rc-window:savePdf', suggestedName),
  saveFile: (name, data) => ipcRenderer.invoke('rc-window:saveFile', { name, data }),
  onMenu: (event, listener) => {
    if (!MENU_EVENTS.includes(event)) throw new Error(`Unknown menu event ${event}`)
    const wrapped = (_e: IpcRendererEvent) => listener()
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  },
}

contextBridge.exposeInMainWorld('rapidcare', bridge)
