/**
 * The text a PDF gives back, page by page, read with Mozilla's PDF.js (the reader Chromium and
 * Firefox users open PDFs with): a Bangla slip that only looks right, but whose text cannot be
 * searched or copied (no ToUnicode map for its glyphs), fails here.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export async function pdfText(data: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false })
    .promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await doc.destroy()
  return pages.join('\n').normalize('NFC')
}

/** The names of the fonts a PDF embeds (its FontFile streams' font descriptors). */
export function embeddedFonts(data: Buffer): string[] {
  const text = data.toString('latin1')
  return [...text.matchAll(/\/FontName\s*\/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]!)
}
