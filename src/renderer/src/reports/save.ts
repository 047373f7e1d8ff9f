/**
 * Where an export goes: in Electron, where the user chooses with the system's save dialog (main
 * writes the file; the page never names a path); in browser mode, the browser's own download.
 */
export type Saved =
  { how: 'saved'; path: string } | { how: 'downloaded' } | { how: 'not-saved'; reason: string }

export async function saveExport(fileName: string, blob: Blob): Promise<Saved> {
  const bridge = window.rapidcare
  if (bridge?.saveFile) {
    const result = await bridge.saveFile(fileName, new Uint8Array(await blob.arrayBuffer()))
    return result.saved ? { how: 'saved', path: result.path } : { how: 'not-saved', reason: result.reason }
  }
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken the blob by now; a moment later it can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { how: 'downloaded' }
}
