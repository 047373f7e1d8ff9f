/**
 * Backup files. A backup is a consistent snapshot of the live database (SQLite's online backup,
 * copied inside one read transaction so the row counts and the pages are the same instant), turned
 * into a self-contained rollback-journal file, gzip-compressed with the manifest in the gzip header
 * (an FEXTRA subfield "RC": `gunzip` still reads the file), and read back the way a restore would
 * before it gets its final name. Plain async functions over files, no Electron: they run in the
 * backup worker (tasks.ts) so a large database never blocks the desk.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Transform } from 'node:stream'
import { registerFunctions } from './functions'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import Database from 'better-sqlite3-multiple-ciphers'
import { format } from 'date-fns'
import { z } from 'zod'
import type { BackupKind, BackupManifest, BackupPhase, VerifiedBackup } from '../../shared/contract/backup'
import { DeskError } from '../../shared/errors'
import { DatabaseKey } from './key'
import { applyKey, fileEncryption, keyProblem, type DB } from './open'
import { claimName, temporaryName } from './temporaries'

export const BACKUP_PREFIX = 'rapidcare-backup-'
export const BACKUP_SUFFIX = '.sqlite.gz'

/** The seed's 13 tables: a database without them is not a RapidCare database. */
export const RAPIDCARE_TABLES = [
  'users',
  'hospitals',
  'hospital_resources',
  'bookings',
  'booking_status_history',
  'booking_notifications',
  'hospital_pricing',
  'transactions',
  'user_balance',
  'balance_transactions',
  'resource_audit_log',
  'blood_requests',
  'payment_config',
] as const

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const GZIP_FEXTRA = 0x04
const MANIFEST_SUBFIELD = 'RC'
/** Pages copied per step of the online backup: small enough that the progress bar moves. */
const PAGES_PER_STEP = 256

export interface ProgressEvent {
  phase: BackupPhase
  percent: number
}
export type OnProgress = (p: ProgressEvent) => void

/** Report a fraction (0–1) of one phase as a slice [from, to] of the whole job's percent. */
function slice(onProgress: OnProgress, phase: BackupPhase, from: number, to: number) {
  return (fraction: number) =>
    onProgress({ phase, percent: Math.round(from + (to - from) * Math.min(1, Math.max(0, fraction))) })
}

export function backupsFolder(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups')
}

export function backupStamp(date: Date): string {
  return format(date, 'yyyyMMdd-HHmmss')
}

export function defaultBackupName(date: Date): string {
  return `${BACKUP_PREFIX}${backupStamp(date)}${BACKUP_SUFFIX}`
}

/**
 * A connection for reading or checking a file: none of the desk's pragmas, nothing created; keyed
 * when the file is encrypted. A wrong or missing key is refused in words (see open.ts).
 */
export function openRaw(file: string, key: DatabaseKey | null = null): DB {
  const db = new Database(file, {
    fileMustExist: true,
    nativeBinding: process.env.RAPIDCARE_SQLITE_BINDING || undefined,
  })
  try {
    if (key) applyKey(db, key)
    else if (fileEncryption(file) === 'encrypted') db.prepare('SELECT COUNT(*) FROM sqlite_schema').get()
  } catch (err) {
    db.close()
    const problem = keyProblem(file, key)
    if (problem) throw new DeskError('CONFLICT', problem)
    throw err
  }
  db.pragma('busy_timeout = 5000')
  registerFunctions(db)
  return db
}

/** The key posted to the backup worker as bytes (a class does not cross a thread), back as a key. */
export function keyFromBytes(bytes: Uint8Array | null | undefined): DatabaseKey | null {
  return bytes ? DatabaseKey.fromBytes(Buffer.from(bytes)) : null
}

/** Ordinary tables (not SQLite's own, not virtual tables or their shadows), by name. */
export function tableNames(db: DB): string[] {
  return db
    .prepare(
      `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[]
}

/** True row counts, table by table. */
export function rowCounts(db: DB): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const name of tableNames(db)) {
    counts[name] = db
      .prepare(`SELECT COUNT(*) FROM "${name.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number
  }
  return counts
}

/** A backup refused: VALIDATION on the `file` field, with a message a person can act on. */
export function refuse(message: string): DeskError {
  return new DeskError('VALIDATION', message, { field: 'file', fields: { file: message } })
}

// ---------------------------------------------------------------------------------------------
// Files and folders

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

export function fsyncDir(dir: string): void {
  let fd: number
  try {
    fd = fs.openSync(dir, 'r')
  } catch {
    return // Windows cannot open a folder; NTFS journals the rename itself.
  }
  try {
    fs.fsyncSync(fd)
  } catch {
    // Some filesystems refuse fsync on a folder; the rename is still atomic.
  } finally {
    fs.closeSync(fd)
  }
}

/** Remove a database file and the journal files SQLite may have left beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
}

/** A backup file to read: exists, is a file, is not empty, may be read. */
export function assertReadableBackup(file: string): fs.Stats {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw refuse(`There is no file at ${file}.`)
  }
  if (stat.isDirectory()) throw refuse(`${file} is a folder, not a backup file.`)
  if (!stat.isFile()) throw refuse(`${file} is not a regular file.`)
  if (stat.size === 0) throw refuse(`${file} is empty: it is not a backup.`)
  try {
    fs.accessSync(file, fs.constants.R_OK)
  } catch {
    throw refuse(`${file} cannot be read (permission denied).`)
  }
  return stat
}

/** A new backup's path: its folder exists and takes writes; the name is free (unless overwriting). */
export function assertWritableTarget(file: string, overwrite = false): void {
  const fail = (message: string) =>
    new DeskError('VALIDATION', message, { field: 'out', fields: { out: message } })
  const dir = path.dirname(file)
  let dirStat: fs.Stats
  try {
    dirStat = fs.statSync(dir)
  } catch {
    throw fail(`The folder ${dir} does not exist.`)
  }
  if (!dirStat.isDirectory()) throw fail(`${dir} is not a folder.`)
  if (fs.existsSync(file)) {
    if (fs.statSync(file).isDirectory()) throw fail(`${file} is a folder: give the backup a file name.`)
    if (!overwrite) throw fail(`${file} already exists: choose another name.`)
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK)
  } catch {
    throw fail(`The folder ${dir} is not writable.`)
  }
}

async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256')
  let size = 0
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), size }
}

/** A pass-through that reports how far through `total` bytes it is. */
function meter(total: number, onFraction: (f: number) => void): Transform {
  let seen = 0
  let lastReported = -1
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length
      const fraction = total > 0 ? seen / total : 1
      if (fraction - lastReported >= 0.01) {
        lastReported = fraction
        onFraction(fraction)
      }
      done(null, chunk)
    },
  })
}

// ---------------------------------------------------------------------------------------------
// The manifest, in the gzip header

const manifestSchema = z
  .object({
    format: z.literal('rapidcare-desk-backup'),
    formatVersion: z.literal(1),
    appName: z.string(),
    appVersion: z.string(),
    schemaVersion: z.number().int().min(0),
    createdAt: z.string(),
    workstation: z.string(),
    kind: z.enum(['manual', 'automatic']),
    tables: z.record(z.string(), z.number().int().min(0)),
    sizeBytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()

export function gzipHeaderWith(manifest: BackupManifest): Buffer {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8')
  if (json.length > 0xffff - 4) throw new Error('The backup manifest is too large for a gzip header')
  const header = Buffer.alloc(16 + json.length)
  header[0] = 0x1f
  header[1] = 0x8b
  header[2] = 8 // deflate
  header[3] = GZIP_FEXTRA
  header.writeUInt32LE(Math.floor(Date.parse(manifest.createdAt) / 1000) >>> 0, 4)
  header[8] = 0
  header[9] = 255 // OS unknown
  header.writeUInt16LE(4 + json.length, 10)
  header.write(MANIFEST_SUBFIELD, 12, 'latin1')
  header.writeUInt16LE(json.length, 14)
  json.copy(header, 16)
  return header
}

export interface BackupHead {
  type: 'gzip' | 'sqlite' | 'other'
  manifest: BackupManifest | null
  /** Why a gzip header that names a manifest could not be read. */
  problem: string | null
}

/** What a file is, and its manifest, from its first bytes only. */
export function readBackupHead(file: string): BackupHead {
  const fd = fs.openSync(file, 'r')
  let buf: Buffer
  try {
    buf = Buffer.alloc(Math.min(fs.fstatSync(fd).size, 12 + 0xffff))
    fs.readSync(fd, buf, 0, buf.length, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (buf.length >= 16 && buf.subarray(0, 16).equals(SQLITE_MAGIC))
    return { type: 'sqlite', manifest: null, problem: null }
  if (buf.length < 10 || buf[0] !== 0x1f || buf[1] !== 0x8b)
    return { type: 'other', manifest: null, problem: null }
  const gzip = (problem: string | null, manifest: BackupManifest | null = null): BackupHead => ({
    type: 'gzip',
    manifest,
    problem,
  })
  if (buf[2] !== 8) return gzip('its gzip header names an unknown compression method')
  if (!(buf[3]! & GZIP_FEXTRA)) return gzip(null)
  if (buf.length < 12) return gzip('its gzip header is cut short')
  const end = 12 + buf.readUInt16LE(10)
  if (end > buf.length) return gzip('its gzip header is cut short')
  for (let at = 12; at + 4 <= end;) {
    const id = buf.toString('latin1', at, at + 2)
    const len = buf.readUInt16LE(at + 2)
    if (at + 4 + len > end) return gzip('its gzip header is damaged')
    if (id === MANIFEST_SUBFIELD) {
      try {
        const parsed = manifestSchema.safeParse(JSON.parse(buf.toString('utf8', at + 4, at + 4 + len)))
        return parsed.success ? gzip(null, parsed.data) : gzip('its manifest is not readable')
      } catch {
        return gzip('its manifest is not readable')
      }
    }
    at += 4 + len
  }
  return gzip(null)
}

/** The gzip trailer's ISIZE: the uncompressed length modulo 2^32, read from the last 4 bytes. */
export function readGzipLength(file: string): number | null {
  const fd = fs.openSync(file, 'r')
  try {
    const size = fs.fstatSync(fd).size
    if (size < 18) return null
    const buf = Buffer.alloc(4)
    fs.readSync(fd, buf, 0, 4, size - 4)
    return buf.readUInt32LE(0)
  } finally {
    fs.closeSync(fd)
  }
}

/** A cheap check that a backup file is still whole: manifest readable, trailer length as recorded. */
export function quickVerification(file: string): {
  verification: 'verified' | 'damaged' | 'unverified'
  manifest: BackupManifest | null
} {
  try {
    const head = readBackupHead(file)
    if (head.type === 'other' || head.problem) return { verification: 'damaged', manifest: head.manifest }
    if (head.type === 'sqlite' || !head.manifest) return { verification: 'unverified', manifest: null }
    const length = readGzipLength(file)
    const whole = length === head.manifest.sizeBytes % 2 ** 32
    return { verification: whole ? 'verified' : 'damaged', manifest: head.manifest }
  } catch {
    return { verification: 'damaged', manifest: null }
  }
}

// ---------------------------------------------------------------------------------------------
// Taking a backup

export interface BackupRequest {
  dbPath: string
  outFile: string
  /** The save dialog already asked whether to replace the file. */
  overwrite?: boolean
  /** The desk chose the name: if another desk took it meanwhile, take the next (`-2`, `-3`…). */
  nextFreeName?: boolean
  createdAt: string
  kind: BackupKind
  appName: string
  appVersion: string
  workstation: string
  /** The database's key, as bytes: the snapshot stays encrypted with it. */
  keyBytes?: Uint8Array | null
}

export interface BackupFileResult {
  path: string
  sizeBytes: number
  manifest: BackupManifest
}

/** Every file error of a backup, in words a person can act on; anything else as it is. */
export function plainFileError(err: unknown, file: string): unknown {
  if (err instanceof DeskError) return err
  const code = (err as NodeJS.ErrnoException | null)?.code
  const dir = path.dirname(file)
  const say = (message: string) => new DeskError('CONFLICT', message, { fileError: code })
  if (code === 'ENOSPC' || code === 'SQLITE_FULL')
    return say(`There is not enough free disk space for the backup in ${dir}.`)
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN')
    return say(`The backup cannot be written to ${dir} (${code}).`)
  if (code === 'SQLITE_READONLY' || (typeof code === 'string' && code.startsWith('SQLITE_READONLY')))
    return say(`The backup cannot be written to ${dir}: the folder or a file in it is read-only.`)
  if (code === 'EEXIST') return say(`${file} already exists: choose another name.`)
  if (code === 'ENOENT')
    return say(
      `A file of the backup vanished while it was written in ${dir} (another program removed it). Nothing was kept; try again.`,
    )
  if (code === 'EIO' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR')))
    return say(
      `The disk reported an error while the backup was written to ${dir}. Nothing was kept; check the disk and try again.`,
    )
  return err
}

export async function takeBackup(
  req: BackupRequest,
  onProgress: OnProgress = () => {},
): Promise<BackupFileResult> {
  try {
    return await writeBackup(req, onProgress)
  } catch (err) {
    throw plainFileError(err, req.outFile)
  }
}

async function writeBackup(req: BackupRequest, onProgress: OnProgress): Promise<BackupFileResult> {
  if (!fs.existsSync(req.dbPath)) throw new DeskError('NOT_FOUND', `There is no database at ${req.dbPath}.`)
  assertWritableTarget(req.outFile, req.overwrite || req.nextFreeName)
  // Names of this job's own: another desk backing up into the same folder has its own.
  const snapshot = temporaryName(req.outFile, 'snapshot-tmp')
  const partial = temporaryName(req.outFile, 'partial')
  const check = temporaryName(req.outFile, 'verify-tmp')
  try {
    const progress = slice(onProgress, 'snapshot', 0, 45)
    progress(0)
    const key = keyFromBytes(req.keyBytes)
    const source = openRaw(req.dbPath, key)
    const { tables, schemaVersion } = key
      ? encryptedSnapshot(source, snapshot, key)
      : await onlineSnapshot(source, snapshot, progress)
    progress(1)
    // The copy keeps the WAL flag of its source; a backup must open on its own, without -wal/-shm.
    const copy = openRaw(snapshot, key)
    copy.pragma('journal_mode = DELETE')
    copy.close()
    const { sha256, size } = await hashFile(snapshot)
    const manifest: BackupManifest = {
      format: 'rapidcare-desk-backup',
      formatVersion: 1,
      appName: req.appName,
      appVersion: req.appVersion,
      schemaVersion,
      createdAt: req.createdAt,
      workstation: req.workstation,
      kind: req.kind,
      tables,
      sizeBytes: size,
      sha256,
    }
    await compress(snapshot, partial, manifest, slice(onProgress, 'compress', 45, 70))
    fsyncFile(partial)
    removeDatabaseFiles(snapshot)
    await inspectBackup(
      {
        file: partial,
        stagingPath: check,
        latestVersion: schemaVersion,
        expect: manifest,
        keyBytes: req.keyBytes,
      },
      (p) => onProgress({ phase: 'verify', percent: 70 + Math.round(p.percent * 0.3) }),
    )
    const final = claimName(partial, req.outFile, {
      overwrite: req.overwrite,
      nextFree: req.nextFreeName,
      suffix: BACKUP_SUFFIX,
    })
    fsyncDir(path.dirname(final))
    onProgress({ phase: 'verify', percent: 100 })
    return { path: final, sizeBytes: fs.statSync(final).size, manifest }
  } finally {
    removeDatabaseFiles(snapshot)
    removeDatabaseFiles(check)
    fs.rmSync(partial, { force: true })
  }
}

/** A plain database's snapshot, by SQLite's online backup, with its progress. */
async function onlineSnapshot(
  source: DB,
  snapshot: string,
  progress: (fraction: number) => void,
): Promise<{ tables: Record<string, number>; schemaVersion: number }> {
  try {
    // One read transaction: the counts and every copied page are the same instant, whatever the
    // desk (or anyone) writes meanwhile through other connections.
    source.exec('BEGIN')
    const tables = rowCounts(source)
    const schemaVersion = source.pragma('user_version', { simple: true }) as number
    await source.backup(snapshot, {
      progress({ totalPages, remainingPages }) {
        progress(totalPages > 0 ? 1 - remainingPages / totalPages : 1)
        return PAGES_PER_STEP
      },
    })
    source.exec('COMMIT')
    return { tables, schemaVersion }
  } finally {
    source.close()
  }
}

/**
 * An encrypted database's snapshot: VACUUM INTO writes the copy with the source's cipher and key
 * page by page, so no plain page ever reaches the disk (SQLite's online backup refuses to copy
 * between encrypted files). VACUUM INTO reads one instant, so the counts are taken from the copy.
 */
function encryptedSnapshot(
  source: DB,
  snapshot: string,
  key: DatabaseKey,
): { tables: Record<string, number>; schemaVersion: number } {
  try {
    source.prepare('VACUUM INTO ?').run(snapshot)
  } finally {
    source.close()
  }
  const copy = openRaw(snapshot, key)
  try {
    return { tables: rowCounts(copy), schemaVersion: copy.pragma('user_version', { simple: true }) as number }
  } finally {
    copy.close()
  }
}

async function compress(
  source: string,
  dest: string,
  manifest: BackupManifest,
  onFraction: (f: number) => void,
) {
  const out = fs.createWriteStream(dest, { flags: 'wx' })
  out.write(gzipHeaderWith(manifest))
  // zlib writes a bare 10-byte gzip header; ours (with the manifest) replaces it. The deflate data,
  // CRC-32 and length that follow are zlib's own.
  let skipped = 0
  const dropZlibHeader = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (skipped < 10) {
        if (skipped === 0 && (chunk[0] !== 0x1f || chunk[1] !== 0x8b || (chunk.length > 3 && chunk[3] !== 0)))
          return done(new Error('Unexpected gzip header from zlib'))
        const n = Math.min(10 - skipped, chunk.length)
        skipped += n
        chunk = chunk.subarray(n)
      }
      done(null, chunk)
    },
  })
  await pipeline(
    fs.createReadStream(source),
    meter(fs.statSync(source).size, onFraction),
    zlib.createGzip({ level: 6 }),
    dropZlibHeader,
    out,
  )
}

// ---------------------------------------------------------------------------------------------
// Checking a backup (before a restore, and every new backup before it is named)

export interface InspectRequest {
  file: string
  /** Where the database is expanded to; kept there when `keepStaged`, else removed. */
  stagingPath: string
  /** The newest schema this app knows. */
  latestVersion: number
  keepStaged?: boolean
  /** A backup just written: its manifest must be exactly this one. */
  expect?: BackupManifest
  /** The key an encrypted backup is opened with, as bytes. */
  keyBytes?: Uint8Array | null
}

function zlibReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return /unexpected end/i.test(message)
    ? 'The backup is cut short (truncated): it does not decompress to the end.'
    : `The backup is damaged: it does not decompress (${message}).`
}

export async function inspectBackup(
  req: InspectRequest,
  onProgress: OnProgress = () => {},
): Promise<VerifiedBackup> {
  const stat = assertReadableBackup(req.file)
  const head = readBackupHead(req.file)
  if (head.type === 'other')
    throw refuse(
      'This file is not a RapidCare backup: it is neither a compressed backup nor a SQLite database.',
    )
  if (head.problem) throw refuse(`The backup is damaged: ${head.problem}.`)
  const manifest = head.manifest
  if (req.expect && (!manifest || manifest.sha256 !== req.expect.sha256))
    throw new Error('The backup just written does not carry its manifest')
  removeDatabaseFiles(req.stagingPath)
  try {
    // Hash and measure what comes out, not what goes in: the manifest describes the database itself.
    const hash = crypto.createHash('sha256')
    let expanded = 0
    const measure = new Transform({
      transform(chunk: Buffer, _enc, done) {
        expanded += chunk.length
        hash.update(chunk)
        done(null, chunk)
      },
    })
    const read = fs.createReadStream(req.file)
    const progress = meter(stat.size, slice(onProgress, 'verify', 0, 60))
    const write = fs.createWriteStream(req.stagingPath, { flags: 'wx' })
    try {
      if (head.type === 'gzip') await pipeline(read, progress, zlib.createGunzip(), measure, write)
      else await pipeline(read, progress, measure, write)
    } catch (err) {
      if (head.type === 'gzip') throw refuse(zlibReason(err))
      throw err
    }
    const sha256 = hash.digest('hex')
    if (manifest && (expanded !== manifest.sizeBytes || sha256 !== manifest.sha256))
      throw refuse(
        'The backup is damaged: what it decompresses to does not match the checksum in its manifest.',
      )
    onProgress({ phase: 'verify', percent: 60 })
    const checked = checkDatabaseFile(
      req.stagingPath,
      req.latestVersion,
      manifest,
      keyFromBytes(req.keyBytes),
    )
    onProgress({ phase: 'verify', percent: 100 })
    if (!req.keepStaged) removeDatabaseFiles(req.stagingPath)
    return {
      file: path.basename(req.file),
      createdAt: manifest?.createdAt ?? null,
      appVersion: manifest?.appVersion ?? null,
      workstation: manifest?.workstation ?? null,
      schemaVersion: checked.schemaVersion,
      tables: checked.tables,
      sizeBytes: expanded,
      sha256,
      hasManifest: !!manifest,
    }
  } catch (err) {
    removeDatabaseFiles(req.stagingPath)
    throw err
  }
}

/** The integrity check's and the foreign-key check's findings, as lines a person can read. */
export function integrityFindings(db: DB): { integrity: string[]; foreignKeys: string[] } {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  )
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]
  return {
    integrity,
    foreignKeys: fk.map((r) => `${r.table} row ${r.rowid ?? '?'} refers to a missing ${r.parent} row`),
  }
}

/** Why an encrypted backup did not open: which key to give, never the key. */
function keyRefusal(key: DatabaseKey | null): DeskError {
  return refuse(
    key
      ? 'This backup does not open with this key: it was made with another key (give the key file or recovery code of the database it came from), or it is not a RapidCare backup. Nothing was changed.'
      : 'This backup is encrypted: give the key file of the database it came from (--key-file), or a file holding its recovery code. Nothing was changed.',
  )
}

function checkDatabaseFile(
  file: string,
  latestVersion: number,
  manifest: BackupManifest | null,
  key: DatabaseKey | null,
): { schemaVersion: number; tables: Record<string, number> } {
  const state = fileEncryption(file)
  if (state !== 'plain' && state !== 'encrypted') throw refuse('The backup does not hold a SQLite database.')
  let db: DB
  try {
    // A plain backup (made before encryption) still opens without a key.
    db = openRaw(file, state === 'plain' ? null : key)
  } catch (err) {
    if (state === 'encrypted') throw keyRefusal(key)
    throw refuse(`The backup's database cannot be opened: ${(err as Error).message}.`)
  }
  try {
    let findings: ReturnType<typeof integrityFindings>
    try {
      findings = integrityFindings(db)
    } catch (err) {
      throw refuse(`The backup's database is damaged: ${(err as Error).message}.`)
    }
    if (findings.integrity.length !== 1 || findings.integrity[0] !== 'ok')
      throw refuse(`The backup's database is damaged: ${findings.integrity.slice(0, 3).join('; ')}.`)
    if (findings.foreignKeys.length)
      throw refuse(
        `The backup's database has ${findings.foreignKeys.length} broken reference(s), e.g. ${findings.foreignKeys[0]}.`,
      )
    const names = new Set(tableNames(db))
    const missing = RAPIDCARE_TABLES.filter((t) => !names.has(t))
    if (missing.length)
      throw refuse(
        `This is a SQLite database but not a RapidCare one: it has no ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''} table${missing.length > 1 ? 's' : ''}.`,
      )
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    if (schemaVersion > latestVersion)
      throw refuse(
        `This backup comes from a newer RapidCare Desk (schema version ${schemaVersion}; this app knows up to ${latestVersion}). Update the app to restore it.`,
      )
    const tables = rowCounts(db)
    if (manifest) {
      if (manifest.schemaVersion !== schemaVersion)
        throw refuse('The backup is damaged: its schema version differs from its manifest.')
      const names = new Set([...Object.keys(manifest.tables), ...Object.keys(tables)])
      for (const name of names) {
        if (manifest.tables[name] !== tables[name])
          throw refuse(
            `The backup's row counts differ from its manifest (${name}: ${manifest.tables[name] ?? 'none'} recorded, ${tables[name] ?? 'none'} found).`,
          )
      }
    }
    return { schemaVersion, tables }
  } finally {
    db.close()
  }
}
