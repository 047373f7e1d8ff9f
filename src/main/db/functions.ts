import { nameKey } from '../../shared/locale/nameKey'
import { nameTokens } from '../services/nameIndex'
import type { DB } from './open'

/**
 * SQL functions the schema itself calls: the name index (migrations 011 and 013) computes each
 * booking's words with rc_name_tokens(hospitalId, patientName) in its view and triggers, and 011's
 * rc_name_key(patientName) stays for a database still migrating through 011. Every connection that
 * may write a booking, rebuild or check that index registers them (open, openRaw, migrate); a
 * connection without them (the sqlite3 shell) can read every table but not change a patient's name.
 * What they return is what the index holds: changing either needs a migration that rebuilds it.
 */
export function registerFunctions(db: DB): void {
  db.function('rc_name_key', { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? nameKey(name) : '',
  )
  db.function('rc_name_tokens', { deterministic: true }, (hospitalId: unknown, name: unknown) =>
    typeof name === 'string' ? nameTokens(Number(hospitalId), name) : '',
  )
}
