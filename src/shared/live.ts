/**
 * Live changes: what main tells an open screen when the database changed, whoever changed it.
 * Never a row's contents (patients' data stays in main): only which areas and hospitals moved, so
 * each screen re-reads what it shows through the ordinary, authorised channels.
 */

export const LIVE_AREAS = [
  'bookings',
  'notifications',
  'resources',
  'audit',
  'hospitals',
  'users',
  'pricing',
  'payments',
  'wallet',
  'blood',
  'settings',
] as const
export type LiveArea = (typeof LIVE_AREAS)[number]

/** Which areas a row of each table belongs to (migration 007 writes the table's name). */
export const TABLE_AREAS: Record<string, readonly LiveArea[]> = {
  bookings: ['bookings'],
  booking_status_history: ['bookings'],
  booking_referrals: ['bookings'],
  booking_notifications: ['notifications'],
  hospital_resources: ['resources'],
  resource_audit_log: ['audit'],
  hospitals: ['hospitals'],
  users: ['users'],
  // A user's language and digits (migration 011; its change trigger came with 012).
  user_preferences: ['users'],
  hospital_pricing: ['pricing'],
  transactions: ['payments'],
  transaction_refunds: ['payments'],
  user_balance: ['wallet'],
  balance_transactions: ['wallet'],
  shift_closings: ['wallet'],
  blood_requests: ['blood'],
  payment_config: ['settings'],
}

/** The Electron channels main pushes live news on (webContents.send → preload). */
export const LIVE_IPC = { change: 'rc-live:change', connection: 'rc-live:connection' } as const

export interface ChangeEvent {
  /** The last `changes.seq` this event covers: resume after it (SSE `id:`). */
  seq: number
  areas: LiveArea[]
  /** The hospitals whose data moved (only those the subscriber may see). */
  hospitalIds: number[]
  /**
   * True when the feed cannot say what changed (the database was restored, or the client asked to
   * resume from a point the feed no longer has): re-read everything on screen.
   */
  reset?: boolean
}

/** Whether a live connection to the desk's main (or the hub) is up. */
export interface LiveConnection {
  state: 'connected' | 'down'
  /** When it went down (ISO time), while down. */
  since?: string
  /** The host a connected desk talks to; absent for its own database. */
  host?: string
}

export function isChangeEvent(value: unknown): value is ChangeEvent {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return (
    typeof v.seq === 'number' &&
    Array.isArray(v.areas) &&
    v.areas.every((a) => (LIVE_AREAS as readonly unknown[]).includes(a)) &&
    Array.isArray(v.hospitalIds) &&
    v.hospitalIds.every((h) => typeof h === 'number')
  )
}

export function isLiveConnection(value: unknown): value is LiveConnection {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return (
    (v.state === 'connected' || v.state === 'down') &&
    (v.since === undefined || typeof v.since === 'string') &&
    (v.host === undefined || typeof v.host === 'string')
  )
}
