/**
 * Prepared statements kept per database handle, for the booking desk's hot paths. Preparing a
 * statement parses and plans its SQL; doing that for each of the dozen statements of a transition
 * costs more than running them. Keyed by the handle (a restore opens a new one) and the SQL text.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { DB } from '../db/open'

const cache = new WeakMap<DB, Map<string, Statement>>()
const MAX_PER_DB = 500

export function prep(db: DB, sql: string): Statement {
  let statements = cache.get(db)
  if (!statements) {
    statements = new Map()
    cache.set(db, statements)
  }
  let stmt = statements.get(sql)
  if (!stmt) {
    // Filtered lists make a statement per combination of filters: bounded, but bound it anyway.
    if (statements.size >= MAX_PER_DB) statements.clear()
    stmt = db.prepare(sql)
    statements.set(sql, stmt)
  }
  // A caller may have switched it to pluck or raw mode; every caller starts from plain rows.
  return stmt.reader ? stmt.pluck(false).raw(false) : stmt
}
