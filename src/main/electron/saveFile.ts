/**
 * "Save as…" for exports (CSV, XLSX), Electron only: the page hands over the file's bytes and a
 * suggested name; main asks where with the system dialog and writes there. The page never names a
 * path, and only the export types the desk makes are accepted, up to a size no export reaches.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { z } from 'zod'
import type { IpcLike } from './transport'
import { isAppUrl } from './window'

export const SAVE_FILE_CHANNEL = 'rc-window:saveFile'

/** 64 MiB: a year of a busy hospital's bookings as XLSX is a few MiB. */
export const MAX_EXPORT_BYTES = 64 * 2 ** 20

export const EXPORT_TYPES = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
} as const

const input = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(
        /^[\p{L}\p{N} ._-]+\.(csv|xlsx)$/u,
        'letters, digits, spaces, dots, dashes, ending .csv or .xlsx',
      ),
    data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_EXPORT_BYTES, 'is larger than 64 MiB'),
  })
  .strict()

export interface SaveFileDeps {
  /** The system save dialog for this file type; resolves to the chosen path, or null when cancelled. */
  askPath(suggestedName: string, type: keyof typeof EXPORT_TYPES): Promise<string | null>
  writeFile(path: string, data: Uint8Array): Promise<void>
  devServerUrl?: string
}

export type SaveFileResult = { saved: true; path: string } | { saved: false; reason: string }

export function registerSaveFile(ipc: IpcLike, deps: SaveFileDeps): void {
  ipc.handle(SAVE_FILE_CHANNEL, async (event: IpcMainInvokeEvent, raw: unknown): Promise<SaveFileResult> => {
    if (!isAppUrl(event.senderFrame?.url ?? '', deps.devServerUrl))
      return { saved: false, reason: 'Refused.' }
    const parsed = input.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return { saved: false, reason: `${issue?.path.join('.') || 'File'}: ${issue?.message ?? 'not valid'}` }
    }
    const { name, data } = parsed.data
    const type = name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv'
    const target = await deps.askPath(name, type)
    if (!target) return { saved: false, reason: 'Cancelled.' }
    await deps.writeFile(target, data)
    return { saved: true, path: target }
  })
}
