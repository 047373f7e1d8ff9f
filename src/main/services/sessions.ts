import crypto from 'node:crypto'

interface SessionRow {
  userId: number
  lastSeen: number
  /** When lastSeen was last written through to the persistence. */
  savedAt: number
}

/**
 * Where sessions outlive the process (the `sessions` table of migration 007): only the SHA-256 of
 * a token is kept, so reading the file gives no one a session.
 */
export interface SessionPersistence {
  get(tokenHash: string): { userId: number; lastSeen: number } | undefined
  put(tokenHash: string, userId: number, lastSeen: number): void
  delete(tokenHash: string): void
  deleteUser(userId: number): void
}

/** Idle time is written through at most this often: not a database write per call. */
const SAVE_EVERY_MS = 60_000

function hash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/**
 * Signed-in sessions. Tokens are random 256-bit values; an idle session ends after `idleMs`. In
 * memory in main; with a persistence (the desk's own database), they also survive a restart of
 * the desk, so a hub restarted mid-shift does not sign every desk out of a half-typed admission.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRow>()

  constructor(
    private readonly idleMs = 12 * 60 * 60 * 1000,
    private readonly clock: () => number = Date.now,
    private readonly persistence?: SessionPersistence,
  ) {}

  create(userId: number): string {
    const token = crypto.randomBytes(32).toString('base64url')
    const now = this.clock()
    this.sessions.set(token, { userId, lastSeen: now, savedAt: now })
    this.persistence?.put(hash(token), userId, now)
    return token
  }

  private row(token: string): SessionRow | undefined {
    const known = this.sessions.get(token)
    if (known || !this.persistence) return known
    const saved = this.persistence.get(hash(token))
    if (!saved) return undefined
    const row = { userId: saved.userId, lastSeen: saved.lastSeen, savedAt: saved.lastSeen }
    this.sessions.set(token, row)
    return row
  }

  /** The user id behind a live token, refreshing its idle timer; null when unknown or expired. */
  touch(token: string | null | undefined): number | null {
    if (!token) return null
    const row = this.row(token)
    if (!row) return null
    const now = this.clock()
    if (now - row.lastSeen > this.idleMs) {
      this.end(token)
      return null
    }
    row.lastSeen = now
    if (this.persistence && now - row.savedAt > SAVE_EVERY_MS) {
      row.savedAt = now
      this.persistence.put(hash(token), row.userId, now)
    }
    return row.userId
  }

  /** The user id behind a live token without refreshing its idle timer (a live feed is not activity). */
  peek(token: string | null | undefined): number | null {
    if (!token) return null
    const row = this.row(token)
    if (!row || this.clock() - row.lastSeen > this.idleMs) return null
    return row.userId
  }

  end(token: string): void {
    this.sessions.delete(token)
    this.persistence?.delete(hash(token))
  }

  /** End every session of a user (deactivated, suspended, password reset). */
  endAllFor(userId: number): void {
    for (const [token, row] of this.sessions) if (row.userId === userId) this.sessions.delete(token)
    this.persistence?.deleteUser(userId)
  }
}
