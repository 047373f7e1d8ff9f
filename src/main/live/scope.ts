import type { DB } from '../db/open'
import { actorFor } from '../services/auth'
import { workScope } from '../services/scope'
import type { SessionStore } from '../services/sessions'
import type { Scope } from './feed'

/**
 * What a live subscriber may hear of, re-read at every event: undefined once its session has ended
 * or its account is no longer active. The same scope as the bookings it may work on: an authority
 * its own hospital; a front desk tied to a hospital that one, an untied front desk (a one-desk
 * clinic registering for any hospital) and an admin every hospital. Not touching the session:
 * an open stream is not activity, so an idle desk still signs out on time.
 */
export function scopeForToken(db: DB, sessions: SessionStore, token: string | null): Scope | undefined {
  const actor = actorFor(db, sessions, token, false)
  return actor ? workScope(actor) : undefined
}
