/**
 * Which hub an Electron desk is joined to: `hub.json` in its user-data folder, `{ "url", "fingerprint" }`
 * as the hub printed them. Present: the desk is connected and has no database of its own to
 * diverge; absent: the desk keeps its own file, as before.
 */
import fs from 'node:fs'
import { hubAddress, PinError, type HubAddress } from './pinned'

export const HUB_CONFIG_FILE = 'hub.json'

/** The hub to join, null when the desk is on its own; a file that says something else is an error in words. */
export function readHubConfig(file: string): HubAddress | null {
  if (!fs.existsSync(file)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    throw new PinError(`${file} is not JSON: it should hold { "url": "https://…", "fingerprint": "AA:BB:…" }`)
  }
  const { url, fingerprint } = (parsed ?? {}) as { url?: unknown; fingerprint?: unknown }
  if (typeof url !== 'string' || typeof fingerprint !== 'string')
    throw new PinError(`${file} should hold { "url": "https://…", "fingerprint": "AA:BB:…" }`)
  return hubAddress(url, fingerprint)
}

export function writeHubConfig(file: string, hub: HubAddress): void {
  const temp = `${file}.tmp-${process.pid}`
  fs.writeFileSync(
    temp,
    JSON.stringify({ url: hub.url.origin, fingerprint: hub.fingerprint }, null, 2) + '\n',
  )
  fs.renameSync(temp, file)
}
