import { nameKey } from '../../shared/locale/nameKey'
import type { DB } from './open'

/**
 * SQL functions the schema itself calls: migration 011's name index computes each booking's sound
 * key with rc_name_key(patientName), in its view and triggers. Every connection that may write a
 * booking, rebuild or check that index registers them (open, openRaw, migrate); a connection
 * without them (the sqlite3 shell) can read every table but not change a patient's name.
 */
export function registerFunctions(db: DB): void {
  db.function('rc_name_key', { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? nameKey(name) : '',
  )
}
