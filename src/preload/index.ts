/** The only bridge between the page and main: one typed invoke, and menu events. Nothing of Node. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { DeskBridge, MenuEvent } from './api'
import {
  isChangeEvent,
  isLiveConnection,
  LIVE_IPC,
  type ChangeEvent,
  type LiveConnection,
} from '../shared/live'

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
  onChange: (listener) => listen(LIVE_IPC.change, isChangeEvent, listener),
  onConnection: (listener) => listen(LIVE_IPC.connection, isLiveConnection, listener),
}

/** Forward one of main's pushes to the page, only in the shape the page expects. */
function listen<T extends ChangeEvent | LiveConnection>(
  channel: string,
  valid: (value: unknown) => value is T,
  listener: (value: T) => void,
): () => void {
  const wrapped = (_e: IpcRendererEvent, value: unknown) => {
    if (valid(value)) listener(value)
  }
  ipcRenderer.on(channel, wrapped)
  return () => ipcRenderer.removeListener(channel, wrapped)
}

contextBridge.exposeInMainWorld('rapidcare', bridge)
