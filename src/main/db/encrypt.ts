/**
 * Turning a plain database into an encrypted one, and changing an encrypted database's key. Both
 * work the same way, so that a crash at any moment leaves a database that opens with the old key
 * (or, plain, with none) or with the new one, never neither:
 *   1. a copy beside the file (VACUUM INTO: one consistent instant, the WAL folded in);
 *   2. the copy re-encrypted in place (SQLCipher's rekey, one journaled transaction);
 *   3. the copy checked: opens with the new key, integrity and foreign keys, the same schema and
 *      the same row count in every table as the original;
 *   4. renamed over the original (atomic), the folder fsynced.
 * The original is only ever replaced whole by step 4; until then it is untouched.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DeskError } from '../../shared/errors'
import { fsyncDir, fsyncFile, integrityFindings, openRaw, removeDatabaseFiles, rowCounts } from './backup'
import type { DatabaseKey } from './key'
import { closeCheckpointed } from './live'
import { fileEncryption, type DB } from './open'
import { changeKey } from './restore'

export interface ReencryptResult {
  tables: Record<string, number>
}

/**
 * A test can make the process kill itself at a named step (RAPIDCARE_CRASH_AT), to prove the
 * promise above with a real kill -9. Nothing is written or skipped because of it.
 */
function crashPoint(step: string): void {
  if (process.env.RAPIDCARE_CRASH_AT === step) process.kill(process.pid, 'SIGKILL')
}

/** What must be equal before and after: the schema, the schema version and every table's rows. */
function fingerprint(db: DB): { schema: string; version: number; tables: Record<string, number> } {
  const schema = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`).all()
  return {
    schema: JSON.stringify(schema),
    version: db.pragma('user_version', { simple: true }) as number,
    tables: rowCounts(db),
  }
}

/** Copies left by an earlier run that was stopped midway: never the database itself. */
function removeLeftovers(dbPath: string): void {
  const dir = path.dirname(dbPath)
  const prefix = `${path.basename(dbPath)}.reencrypt-`
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true })
  }
}

/**
 * Fold the WAL in and make sure nobody else has the file open: once this handle is closed, a WAL
 * left beside the file means another desk or tool holds it, and its next writes would go to the
 * file this replaces.
 */
function closeAndAssertNotInUse(db: DB, dbPath: string): void {
  closeCheckpointed(db)
  if (fs.existsSync(`${dbPath}-wal`))
    throw new DeskError(
      'CONFLICT',
      `Another program has ${dbPath} open (a desk, the hub or a command-line tool). Close it, then try again. Nothing was changed.`,
    )
}

function reencrypt(dbPath: string, from: DatabaseKey | null, to: DatabaseKey, step: string): ReencryptResult {
  removeLeftovers(dbPath)
  const source = openRaw(dbPath, from)
  let before: ReturnType<typeof fingerprint>
  const copy = `${dbPath}.reencrypt-${process.pid}.tmp`
  try {
    before = fingerprint(source)
    source.prepare('VACUUM INTO ?').run(copy)
  } finally {
    closeAndAssertNotInUse(source, dbPath)
  }
  try {
    crashPoint(`${step}:copied`)
    changeKey(copy, from, to)
    crashPoint(`${step}:rekeyed`)
    if (fileEncryption(copy) !== 'encrypted') throw new Error('The encrypted copy is not encrypted')
    const check = openRaw(copy, to)
    try {
      const findings = integrityFindings(check)
      if (findings.integrity.join() !== 'ok' || findings.foreignKeys.length)
        throw new DeskError(
          'CONFLICT',
          `The encrypted copy failed its check (${[...findings.integrity, ...findings.foreignKeys].slice(0, 2).join('; ')}); ${dbPath} was left as it was.`,
        )
      const after = fingerprint(check)
      if (JSON.stringify(after) !== JSON.stringify(before))
        throw new DeskError(
          'CONFLICT',
          `The encrypted copy does not hold the same tables and rows as ${dbPath}; it was left as it was.`,
        )
      check.pragma('journal_mode = WAL')
    } finally {
      check.close()
    }
    fsyncFile(copy)
    crashPoint(`${step}:verified`)
    // A stale shared-memory index of the old file must not be taken for the new one's.
    fs.rmSync(`${dbPath}-shm`, { force: true })
    fs.renameSync(copy, dbPath)
    crashPoint(`${step}:renamed`)
    fsyncDir(path.dirname(dbPath))
    closeCheckpointed(openRaw(dbPath, to))
    return { tables: before.tables }
  } finally {
    removeDatabaseFiles(copy)
  }
}

/** A plain database, encrypted with `key`: every row kept, the plain file gone once the copy passed. */
export function encryptDatabase(dbPath: string, key: DatabaseKey): ReencryptResult {
  const state = fileEncryption(dbPath)
  if (state === 'missing' || state === 'empty')
    throw new DeskError('NOT_FOUND', `There is no database at ${dbPath}.`)
  if (state === 'encrypted')
    throw new DeskError(
      'CONFLICT',
      `${dbPath} is already encrypted (or is not a SQLite database): nothing was changed. To change its key, use rekey.`,
    )
  return reencrypt(dbPath, null, key, 'encrypt')
}

/** An encrypted database, re-encrypted from `oldKey` to `newKey`. */
export function rekeyDatabase(dbPath: string, oldKey: DatabaseKey, newKey: DatabaseKey): ReencryptResult {
  const state = fileEncryption(dbPath)
  if (state === 'missing' || state === 'empty')
    throw new DeskError('NOT_FOUND', `There is no database at ${dbPath}.`)
  if (state === 'plain')
    throw new DeskError('CONFLICT', `${dbPath} is not encrypted: use encrypt. Nothing was changed.`)
  if (oldKey.equals(newKey))
    throw new DeskError('VALIDATION', 'The new key is the same as the old one: nothing was changed.')
  return reencrypt(dbPath, oldKey, newKey, 'rekey')
}
