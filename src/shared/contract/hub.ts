import { z } from 'zod'
import { channel } from '../channel'

/** Where this desk serves the hospital's network, and the fingerprint other desks pin. */
export interface HubStatus {
  /** `https://HOST:N` while this desk is the hub (`serve --lan`); null otherwise. */
  url: string | null
  /** SHA-256 of the hub's certificate, `AA:BB:…`; null when not a hub. */
  fingerprint: string | null
}

export const hubChannels = {
  'hub.status': channel(z.object({}).strict(), ['admin']).returns<HubStatus>(),
}
