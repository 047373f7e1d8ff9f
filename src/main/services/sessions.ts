import crypto from 'node:crypto'

interface SessionRow {
  userId: number
  lastSeen: number
}

/**
 * Signed-in sessions, in memory in main: a restart signs everyone out, which is what a shared
 * workstation wants. Tokens are random 256-bit values; an idle session ends after `idleMs`.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRow>()

  constructor(
    private readonly idleMs = 12 * 60 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  create(userId: number): string {
    const token = crypto.randomBytes(32).toString('base64url')
    this.sessions.set(token, { userId, lastSeen: this.clock() })
    return token
  }

  /** The user id behind a live token, refreshing its idle timer; null when unknown or expired. */
  touch(token: string | null | undefined): number | null {
    if (!token) return null
    const row = this.sessions.get(token)
    if (!row) return null
    const now = this.clock()
    if (now - row.lastSeen > this.idleMs) {
      this.sessions.delete(token)
      return null
    }
    row.lastSeen = now
    return row.userId
  }

  /** The user id behind a live token without refreshing its idle timer (a live feed is not activity). */
  peek(token: string | null | undefined): number | null {
    if (!token) return null
    const row = this.sessions.get(token)
    if (!row || this.clock() - row.lastSeen > this.idleMs) return null
    return row.userId
  }

  end(token: string): void {
    this.sessions.delete(token)
  }

  /** End every session of a user (deactivated, suspended, password reset). */
  endAllFor(userId: number): void {
    for (const [token, row] of this.sessions) if (row.userId === userId) this.sessions.delete(token)
  }
}
