import path from 'node:path'
import { loadMigrations, migrate, type Migration } from '../src/main/db/migrate'
import { openDatabase, type DB } from '../src/main/db/open'
import { tempDir } from './helpers'

/**
 * A database as a desk left it before migration `version`: every earlier migration applied, the
 * later ones not. A migration's test fills it as that desk would have, then applies the rest.
 */
export function databaseBefore(version: number): { db: DB; all: Migration[] } {
  const db = openDatabase(path.join(tempDir(), `before-${version}.sqlite`))
  const all = loadMigrations()
  migrate(
    db,
    all.filter((m) => m.number < version),
  )
  return { db, all }
}
