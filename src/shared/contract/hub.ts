import { z } from 'zod'
import { channel } from '../channel'

/**
 * How this desk stands on the hospital's network:
 * - `own`: it keeps its own data, for this workstation only;
 * - `hub`: it keeps the data and serves the hospital's network (`serve --lan`, or Settings → Share);
 * - `connected`: it has no data of its own and works on the hub at `connectedTo`.
 */
export type HubMode = 'own' | 'hub' | 'connected'

/** Where this desk serves the hospital's network, and the fingerprint other desks pin. */
export interface HubStatus {
  /** `https://HOST:N` while this desk is the hub; null otherwise. */
  url: string | null
  /** SHA-256 of the hub's certificate, `AA:BB:…`; null when not a hub. */
  fingerprint: string | null
  mode: HubMode
  /**
   * Whether this desk can share itself or join a hub from its Settings (the Electron desk). Browser
   * mode cannot: its hub is `serve --lan`, and a browser joins by opening the hub's address.
   */
  control: boolean
  /** While sharing from the desk: the port and host name it was started with, to show and restart. */
  sharing: { port: number; hostName: string | null } | null
  /** A connected desk: the hub it works on. */
  connectedTo: { url: string; fingerprint: string } | null
}

/** Host names as DNS allows them; an IP address is chosen by the machine, not typed. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i

export const shareInput = z
  .object({
    port: z
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(1024, 'must be from 1024 to 65535 (lower ports need the administrator of the computer)')
      .max(65535, 'must be from 1024 to 65535'),
    hostName: z
      .string()
      .trim()
      .max(253, 'must be at most 253 characters')
      .regex(HOST_NAME, 'must be a host name such as desk-1.hospital.lan')
      .optional(),
  })
  .strict()

export const connectInput = z
  .object({
    url: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(300, 'must be at most 300 characters'),
    fingerprint: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(200, 'must be at most 200 characters'),
  })
  .strict()

export const hubChannels = {
  'hub.status': channel(z.object({}).strict(), ['admin']).returns<HubStatus>(),
  /** Serve this desk on the hospital's network over HTTPS (the Electron desk only). */
  'hub.share': channel(shareInput, ['admin']).returns<HubStatus>(),
  'hub.unshare': channel(z.object({}).strict(), ['admin']).returns<HubStatus>(),
  /**
   * Join the hospital's hub (the Electron desk only): checked by really connecting with the
   * fingerprint pinned, then the desk restarts on the hub's data. Public only while this desk has
   * no administrator (its first run); after that an admin's alone: the handler decides.
   */
  'hub.connect': channel(connectInput, 'public').returns<{ restarting: true; host: string }>(),
  /** A connected desk goes back to its own data (the hub's admin only; answered by the desk itself). */
  'hub.disconnect': channel(z.object({}).strict(), ['admin']).returns<{ restarting: true }>(),
}
