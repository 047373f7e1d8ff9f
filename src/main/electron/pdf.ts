/**
 * "Save as PDF" for printable pages (the admission slip, receipts), Electron only: main asks where
 * to save with the system dialog, prints the sender's page to PDF and writes it. The page chooses
 * only a suggested file name, validated here; it never names a path.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { z } from 'zod'
import type { IpcLike } from './transport'
import { isAppUrl } from './window'

export const SAVE_PDF_CHANNEL = 'rc-window:savePdf'

const input = z
  .string()
  .trim()
  .min(1)
  .max(100)
  // \p{M}: Bangla writes its vowel signs and hasanta as combining marks ("ভর্তির স্লিপ"), not letters.
  .regex(/^[\p{L}\p{M}\p{N} ._-]+$/u, 'letters, digits, spaces, dots, dashes and underscores only')

export interface PdfDeps {
  /** The system save dialog; resolves to the chosen path, or null when cancelled. */
  askPath(suggestedName: string): Promise<string | null>
  /** The sender's page as PDF bytes. */
  printToPdf(event: IpcMainInvokeEvent): Promise<Uint8Array>
  writeFile(path: string, data: Uint8Array): Promise<void>
  devServerUrl?: string
}

export type SavePdfResult = { saved: true; path: string } | { saved: false; reason: string }

/** The file name offered in the dialog: always ends in .pdf. */
export function pdfFileName(suggested: string): string {
  return suggested.toLowerCase().endsWith('.pdf') ? suggested : `${suggested}.pdf`
}

export function registerPdf(ipc: IpcLike, deps: PdfDeps): void {
  ipc.handle(SAVE_PDF_CHANNEL, async (event, raw): Promise<SavePdfResult> => {
    if (!isAppUrl(event.senderFrame?.url ?? '', deps.devServerUrl))
      return { saved: false, reason: 'Refused.' }
    const name = input.safeParse(raw)
    if (!name.success)
      return { saved: false, reason: `File name: ${name.error.issues[0]?.message ?? 'not valid'}` }
    const target = await deps.askPath(pdfFileName(name.data))
    if (!target) return { saved: false, reason: 'Cancelled.' }
    await deps.writeFile(target, await deps.printToPdf(event))
    return { saved: true, path: target }
  })
}
