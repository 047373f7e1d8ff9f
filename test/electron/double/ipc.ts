import { EventEmitter } from 'node:events'
import type { World } from './world'
import type { WebContentsDouble, WebFrameMainDouble } from './window'
import { electronEvent, type Double } from './types'

type InvokeListener = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown

export class IpcMainDouble
  extends EventEmitter
  implements Double<Electron.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>
{
  readonly handlers = new Map<string, InvokeListener>()

  constructor(private readonly world: World) {
    super()
  }

  handle(channel: string, listener: InvokeListener): void {
    this.world.record('ipcMain.handle', [channel])
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, (event, ...args) => {
      this.handlers.delete(channel)
      return listener(event, ...args)
    })
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /**
   * `ipcRenderer.invoke` arriving in main: the event names the sender and its frame as Electron sets
   * them, arguments and result cross by structured clone, and a throw reaches the page as Electron
   * words it.
   */
  async invoke(
    sender: WebContentsDouble,
    frame: WebFrameMainDouble,
    channel: string,
    args: unknown[],
  ): Promise<unknown> {
    this.world.record('ipcMain.invoke', [channel, frame.url])
    const fail = (message: string) => new Error(`Error invoking remote method '${channel}': ${message}`)
    const handler = this.handlers.get(channel)
    if (!handler) throw fail(`Error: No handler registered for '${channel}'`)
    const event = electronEvent({
      sender,
      senderFrame: frame,
      frameId: frame.routingId,
      processId: frame.processId,
      type: 'frame' as const,
    }) as unknown as Electron.IpcMainInvokeEvent
    let result: unknown
    try {
      result = await handler(event, ...structuredClone(args))
    } catch (err) {
      throw fail(String(err))
    }
    return structuredClone(result)
  }
}
