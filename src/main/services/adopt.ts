/**
 * Adopting a RapidCare back-end database (schema v1.10: the seed's DDL, DECIMAL money as REAL,
 * bcrypt passwords, a `migrations` table of `.js` filenames, user_version 0) into a desk database.
 *
 * The legacy file is only ever read, by one byte copy taken first (the backup); everything else
 * reads that copy. Its rows are copied, ids and all, into a desk database already at our schema,
 * in one transaction with foreign keys off (users and hospitals point at each other), checked with
 * `foreign_key_check` before the commit. Our CHECKs differ from the seed's, and SQLite cannot
 * ALTER a CHECK, so the rows move into tables built by our own migrations rather than being
 * converted where they stand; a file adopted in place is built beside it and renamed over it.
 *
 * On the way: money becomes integer paisa (round half away from zero, every inexact amount
 * reported), the emergency multiplier becomes hundredths, SQLite `CURRENT_TIMESTAMP` text becomes
 * ISO 8601, each resource gets the desk's invariant (available derived) and a `create` audit row
 * that starts its verifiable history. Legacy users keep their bcrypt hash; login moves them to scrypt.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import type { DatabaseKey } from '../db/key'
import type { AdoptReport } from '../../shared/contract/adopt'
import { DeskError } from '../../shared/errors'
import { normalisePhone } from '../../shared/phone'
import { RESOURCE_TYPES } from '../../shared/schemas'
import { migrate, schemaVersion } from '../db/migrate'
import { openDatabase, writeTx, type DB } from '../db/open'
import { adminExists } from './auth'
import type { ClientInfo, ServiceContext } from './context'
import type { SetupCode } from './setupCode'
import type { ResourceCounts } from './resourceLedger'

/** The seed's 13 tables and their columns (schema v1.10), in an order that suits reading them. */
export const LEGACY_TABLES: Record<string, readonly string[]> = {
  users: [
    'id',
    'name',
    'email',
    'password',
    'phone',
    'role',
    'hospitalId',
    'status',
    'emailVerified',
    'phoneVerified',
    'lastLogin',
    'createdAt',
    'updatedAt',
  ],
  hospitals: [
    'id',
    'name',
    'address',
    'phone',
    'email',
    'website',
    'description',
    'specialties',
    'facilities',
    'status',
    'approvedBy',
    'approvedAt',
    'rejectionReason',
    'operatingHours',
    'emergencyContact',
    'licenseNumber',
    'createdAt',
    'updatedAt',
  ],
  hospital_resources: [
    'id',
    'hospitalId',
    'resourceType',
    'total',
    'available',
    'occupied',
    'reserved',
    'maintenance',
    'lastUpdated',
    'updatedBy',
  ],
  bookings: [
    'id',
    'userId',
    'hospitalId',
    'resourceType',
    'patientName',
    'patientAge',
    'patientGender',
    'medicalCondition',
    'urgency',
    'emergencyContactName',
    'emergencyContactPhone',
    'emergencyContactRelationship',
    'scheduledDate',
    'estimatedDuration',
    'status',
    'approvedBy',
    'approvedAt',
    'authorityNotes',
    'declineReason',
    'bookingReference',
    'createdAt',
    'updatedAt',
  ],
  booking_status_history: [
    'id',
    'bookingId',
    'oldStatus',
    'newStatus',
    'changedBy',
    'reason',
    'notes',
    'changedAt',
  ],
  booking_notifications: ['id', 'userId', 'bookingId', 'type', 'title', 'message', 'isRead', 'createdAt'],
  hospital_pricing: [
    'id',
    'hospitalId',
    'resourceType',
    'basePrice',
    'currency',
    'pricePerHour',
    'pricePerDay',
    'emergencyMultiplier',
    'effectiveFrom',
    'effectiveTo',
    'isActive',
    'createdAt',
    'updatedAt',
  ],
  transactions: [
    'id',
    'bookingId',
    'userId',
    'hospitalId',
    'amount',
    'currency',
    'paymentMethod',
    'paymentGateway',
    'gatewayTransactionId',
    'status',
    'failureReason',
    'refundAmount',
    'refundedAt',
    'platformFee',
    'hospitalShare',
    'createdAt',
    'updatedAt',
  ],
  user_balance: ['id', 'userId', 'balance', 'currency', 'lastUpdated'],
  balance_transactions: [
    'id',
    'userId',
    'transactionId',
    'type',
    'amount',
    'currency',
    'description',
    'balanceBefore',
    'balanceAfter',
    'createdAt',
  ],
  resource_audit_log: [
    'id',
    'hospitalId',
    'resourceType',
    'action',
    'oldValues',
    'newValues',
    'changedBy',
    'reason',
    'ipAddress',
    'userAgent',
    'createdAt',
  ],
  blood_requests: [
    'id',
    'userId',
    'patientName',
    'bloodType',
    'unitsNeeded',
    'urgency',
    'hospitalId',
    'contactPhone',
    'location',
    'medicalCondition',
    'requiredBy',
    'status',
    'notes',
    'createdAt',
    'updatedAt',
  ],
  payment_config: ['id', 'gateway', 'isActive', 'config', 'createdAt', 'updatedAt'],
}

/** DECIMAL columns, scaled by 100 into integers: paisa, and the multiplier into hundredths. */
export const SCALED_COLUMNS: Record<string, readonly string[]> = {
  hospital_pricing: ['basePrice', 'pricePerHour', 'pricePerDay', 'emergencyMultiplier'],
  transactions: ['amount', 'refundAmount', 'platformFee', 'hospitalShare'],
  user_balance: ['balance'],
  balance_transactions: ['amount', 'balanceBefore', 'balanceAfter'],
}

/** Dates people typed (local, meaning unknown): kept exactly as written. */
const USER_DATES = new Set(['scheduledDate', 'requiredBy'])
const SQLITE_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?$/
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** A refusal about the file asked for: shown next to the path field, printed as one line by the CLI. */
function refuse(message: string): DeskError {
  return new DeskError('VALIDATION', message, { field: 'path', fields: { path: message } })
}

/**
 * `value` (a DECIMAL as SQLite returns it: a number, or text) times 100, as an integer rounded half
 * away from zero. Works on the shortest decimal that round-trips the double, not on the binary value,
 * so 0.29 is 29 paisa (0.29 * 100 in floating point is 28.999999999999996).
 */
export function scaleBy100(value: number | string): { units: number; exact: boolean } | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim()
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null
  const negative = m[1] === '-'
  let digits = (m[2] ?? '') + (m[3] ?? '')
  // The decimal point sits after `point` digits; scaling by 100 moves it two places right.
  let point = (m[2] ?? '').length + Number(m[4] ?? 0) + 2
  if (point < 0) {
    digits = '0'.repeat(-point) + digits
    point = 0
  }
  if (digits.length < point) digits += '0'.repeat(point - digits.length)
  const whole = digits.slice(0, point) || '0'
  const rest = digits.slice(point)
  const exact = /^0*$/.test(rest)
  let units = Number(whole)
  if (rest !== '' && rest[0]! >= '5') units += 1
  if (!Number.isSafeInteger(units)) return null
  return { units: negative && units !== 0 ? -units : units, exact }
}

function normaliseTimestamp(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const m = SQLITE_TIMESTAMP.exec(value)
  if (!m) return null
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0')}Z`
}

interface SourceInfo {
  legacyMigrations: string[]
  /** Per table, its columns as the legacy file declares them (name → declared type). */
  columns: Record<string, Map<string, string>>
}

/** Check that the path names an existing, regular SQLite file; refuse plainly otherwise. */
function checkSourceFile(file: string): void {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw refuse(`There is no file at ${file}.`)
  }
  if (stat.isDirectory()) throw refuse(`${file} is a folder, not a database file.`)
  if (!stat.isFile()) throw refuse(`${file} is not a regular file.`)
  const header = Buffer.alloc(16)
  let read: number
  try {
    const fd = fs.openSync(file, 'r')
    try {
      read = fs.readSync(fd, header, 0, 16, 0)
    } finally {
      fs.closeSync(fd)
    }
  } catch (err) {
    throw refuse(`${file} cannot be read: ${(err as Error).message}`)
  }
  if (read < 16 || !header.equals(SQLITE_HEADER))
    throw refuse(`${file} is not a RapidCare database: it is not an SQLite database file.`)
}

/** Recognise a RapidCare back-end database at schema v1.10, reading the copy `src`. */
function recognise(src: DB, shownAs: string): SourceInfo {
  const tables = new Set(
    src.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[],
  )
  const version = src.pragma('user_version', { simple: true }) as number
  if (version > 0 || (tables.has('migrations') && hasDeskMigrations(src))) {
    throw refuse(`${shownAs} is already a RapidCare Desk database: open it with --db instead of adopting it.`)
  }
  const missing = Object.keys(LEGACY_TABLES).filter((t) => !tables.has(t))
  if (missing.length === Object.keys(LEGACY_TABLES).length)
    throw refuse(`${shownAs} is not a RapidCare database: it has none of RapidCare's tables.`)
  if (missing.length)
    throw refuse(
      `${shownAs} is not a complete RapidCare database: it lacks the tables ${missing.join(', ')}.`,
    )
  const legacyMigrations = tables.has('migrations')
    ? (src.prepare(`SELECT filename FROM migrations ORDER BY id`).pluck().all() as string[])
    : []
  if (!legacyMigrations.some((f) => /^\d{3}_.+\.js$/.test(f)))
    throw refuse(
      `${shownAs} is not a RapidCare back-end database: its migrations table lists none of the back-end's migrations.`,
    )
  const columns: Record<string, Map<string, string>> = {}
  for (const [table, expected] of Object.entries(LEGACY_TABLES)) {
    const info = src.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as {
      name: string
      type: string
    }[]
    const have = new Map(info.map((c) => [c.name, c.type.toUpperCase()]))
    const lacking = expected.filter((c) => !have.has(c))
    if (lacking.length)
      throw refuse(
        `${shownAs} is a RapidCare database older than schema v1.10 (${table} lacks ${lacking.join(', ')}). Bring the back-end up to date first.`,
      )
    const unknown = [...have.keys()].filter((c) => !expected.includes(c))
    if (unknown.length)
      throw refuse(
        `${shownAs} has columns this desk does not know (${unknown.map((c) => `${table}.${c}`).join(', ')}); adopting it would lose them.`,
      )
    columns[table] = have
  }
  return { legacyMigrations, columns }
}

function hasDeskMigrations(src: DB): boolean {
  return !!src.prepare(`SELECT 1 FROM migrations WHERE filename LIKE '%.sql' LIMIT 1`).get()
}

/** The desk tables that must be empty before rows are adopted into them. */
function assertDeskEmpty(db: DB): void {
  const busy = Object.keys(LEGACY_TABLES).filter((t) => db.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get())
  if (busy.length)
    throw new DeskError(
      'CONFLICT',
      `This desk's database already holds data (${busy.join(', ')}); a RapidCare database can be adopted only into an empty desk.`,
    )
}

function backupName(legacyPath: string, dir: string, now: Date): string {
  const ext = path.extname(legacyPath) || '.sqlite'
  const base = path.basename(legacyPath, path.extname(legacyPath))
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')
  let candidate = path.join(dir, `${base}.pre-adopt-${stamp}${ext}`)
  for (let n = 2; fs.existsSync(candidate); n++)
    candidate = path.join(dir, `${base}.pre-adopt-${stamp}-${n}${ext}`)
  return candidate
}

function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true })
}

/** A byte copy of the legacy file (and its write-ahead log, which may hold committed rows). */
function copyAside(legacyPath: string, backupPath: string): void {
  fs.mkdirSync(path.dirname(backupPath), { recursive: true })
  fs.copyFileSync(legacyPath, backupPath, fs.constants.COPYFILE_EXCL)
  if (fs.existsSync(`${legacyPath}-wal`)) fs.copyFileSync(`${legacyPath}-wal`, `${backupPath}-wal`)
}

export interface AdoptOptions {
  /** The desk database the rows go into (for the report, and where the backup is kept). */
  databasePath: string
  now: Date
  client: ClientInfo
}

/**
 * Adopt the legacy file at `legacyPath` into `db`: an open desk database at our latest schema,
 * with no rows in any of the 13 tables. All or nothing; the legacy file is never written.
 */
export function adoptInto(db: DB, legacyPath: string, options: AdoptOptions): AdoptReport {
  const source = path.resolve(legacyPath)
  checkSourceFile(source)
  assertDeskEmpty(db)
  const backupPath = backupName(source, path.dirname(path.resolve(options.databasePath)), options.now)
  copyAside(source, backupPath)
  let src: DB | null = null
  try {
    try {
      src = new Database(backupPath, { readonly: true, fileMustExist: true })
      const check = src.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(String(check))
    } catch (err) {
      throw refuse(`${source} is damaged and cannot be adopted (${(err as Error).message}).`)
    }
    const info = recognise(src, source)
    const report = copyRows(db, src, info, options)
    return { ...report, source, backupPath, databasePath: options.databasePath }
  } catch (err) {
    src?.close()
    src = null
    removeDbFiles(backupPath)
    throw err
  } finally {
    src?.close()
    // Reading the copy may leave its shared-memory index; the copy and its WAL are the backup.
    fs.rmSync(`${backupPath}-shm`, { force: true })
  }
}

type Row = Record<string, unknown>

const PHONE_COLUMNS: Record<string, readonly string[]> = {
  users: ['phone'],
  hospitals: ['phone', 'emergencyContact'],
  bookings: ['emergencyContactPhone'],
  blood_requests: ['contactPhone'],
}

function copyRows(
  db: DB,
  src: DB,
  info: SourceInfo,
  options: AdoptOptions,
): Omit<AdoptReport, 'source' | 'backupPath' | 'databasePath'> {
  const now = options.now.toISOString()
  const tables: AdoptReport['tables'] = []
  const money: AdoptReport['money'] = []
  const inexact: AdoptReport['inexact'] = []
  const resourceFixes: AdoptReport['resourceFixes'] = []
  let timestampsNormalised = 0

  const convert = (table: string, row: Row): Row => {
    const out: Row = { ...row }
    for (const [column, type] of info.columns[table]!) {
      const value = out[column]
      if (type === 'DATETIME' && !USER_DATES.has(column)) {
        const iso = normaliseTimestamp(value)
        if (iso) {
          out[column] = iso
          timestampsNormalised++
        }
      }
    }
    for (const column of SCALED_COLUMNS[table] ?? []) {
      const value = out[column]
      if (value === null || value === undefined) continue
      const scaled = typeof value === 'number' || typeof value === 'string' ? scaleBy100(value) : null
      if (!scaled) {
        throw new DeskError(
          'CONFLICT',
          `${table} row ${String(row.id)} has ${column} = ${JSON.stringify(value)}, which is not an amount; fix it in the back-end first.`,
        )
      }
      if (!scaled.exact)
        inexact.push({ table, id: Number(row.id), column, legacyValue: Number(value), paisa: scaled.units })
      out[column] = scaled.units
    }
    // Phones in the desk's one form (E.164) where they are numbers; an odd value is kept as it was.
    for (const column of PHONE_COLUMNS[table] ?? []) {
      const value = out[column]
      const e164 = typeof value === 'string' ? normalisePhone(value) : null
      if (e164) out[column] = e164
    }
    if (table === 'hospital_resources') fixCounts(out, resourceFixes)
    return out
  }

  db.pragma('foreign_keys = OFF')
  try {
    const result = writeTx(db, () => {
      for (const table of Object.keys(LEGACY_TABLES)) {
        const columns = [...info.columns[table]!.keys()]
        const insert = db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        )
        let count = 0
        for (const row of src.prepare(`SELECT * FROM "${table}" ORDER BY id`).iterate() as Iterable<Row>) {
          const out = convert(table, row)
          try {
            insert.run(...columns.map((c) => out[c] ?? null))
          } catch (err) {
            throw new DeskError(
              'CONFLICT',
              `${table} row ${String(row.id)} cannot be adopted: ${(err as Error).message}. Nothing was changed.`,
            )
          }
          count++
        }
        tables.push({ table, legacyRows: count, adoptedRows: count })
        for (const column of SCALED_COLUMNS[table] ?? []) {
          const legacy = src
            .prepare(`SELECT COUNT("${column}") AS n, TOTAL("${column}") AS s FROM "${table}"`)
            .get() as { n: number; s: number }
          const paisaSum = db.prepare(`SELECT TOTAL("${column}") FROM "${table}"`).pluck().get() as number
          money.push({ table, column, amounts: legacy.n, legacySum: legacy.s, paisaSum })
        }
      }
      // Never hand out an id the back-end already used (rows it deleted included).
      const sequences = src.prepare(`SELECT name, seq FROM sqlite_sequence`).all() as {
        name: string
        seq: number
      }[]
      for (const s of sequences) {
        if (!(s.name in LEGACY_TABLES)) continue
        db.prepare(`UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?`).run(s.seq, s.name)
      }
      const created = startResourceHistories(db, now, options.client, resourceFixes)
      const resourcesEntry = tables.find((t) => t.table === 'hospital_resources')!
      resourcesEntry.adoptedRows += created
      const auditEntry = tables.find((t) => t.table === 'resource_audit_log')!
      auditEntry.adoptedRows = db.prepare('SELECT COUNT(*) FROM resource_audit_log').pluck().get() as number
      // The back-end's migration history, kept beside ours (checksum NULL: they are not our files).
      const record = db.prepare(`INSERT OR IGNORE INTO migrations (filename, executed_at) VALUES (?, ?)`)
      for (const m of src.prepare(`SELECT filename, executed_at FROM migrations ORDER BY id`).all() as {
        filename: string
        executed_at: string | null
      }[]) {
        record.run(m.filename, m.executed_at)
      }
      const violations = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
      if (violations.length) {
        const shown = violations
          .slice(0, 5)
          .map((v) => `${v.table} row ${v.rowid} → ${v.parent}`)
          .join('; ')
        throw new DeskError(
          'CONFLICT',
          `The RapidCare database has ${violations.length} row(s) pointing at rows that do not exist (${shown}). Nothing was adopted.`,
        )
      }
      return { tables }
    })
    return {
      schemaVersion: schemaVersion(db),
      legacyMigrations: info.legacyMigrations,
      tables: result.tables,
      money,
      inexact,
      resourceFixes,
      timestampsNormalised,
    }
  } finally {
    db.pragma('foreign_keys = ON')
  }
}

/** Make a legacy resource row satisfy the desk's invariant: available is what nothing else holds. */
function fixCounts(row: Row, fixes: AdoptReport['resourceFixes']): void {
  const where = { hospitalId: Number(row.hospitalId), resourceType: String(row.resourceType) }
  const keys = ['total', 'available', 'occupied', 'reserved', 'maintenance'] as const
  for (const k of keys) {
    const v = row[k]
    if (v === null || v === undefined) {
      row[k] = 0
      fixes.push({ ...where, message: `${k} was empty; adopted as 0.` })
    } else if (!Number.isInteger(v) || (v as number) < 0) {
      throw new DeskError(
        'CONFLICT',
        `Hospital ${where.hospitalId}'s ${where.resourceType} has ${k} = ${JSON.stringify(v)}, which is not a count; fix it in the back-end first.`,
      )
    }
  }
  const c = row as unknown as ResourceCounts
  const derived = c.total - c.occupied - c.reserved - c.maintenance
  if (derived < 0) {
    throw new DeskError(
      'CONFLICT',
      `Hospital ${where.hospitalId}'s ${where.resourceType} has a total of ${c.total} but ${c.occupied} occupied, ${c.reserved} reserved and ${c.maintenance} in maintenance; fix the counts in the back-end first.`,
    )
  }
  if (derived !== c.available) {
    fixes.push({
      ...where,
      message: `available was ${c.available}; adopted as ${derived} (total ${c.total} − occupied ${c.occupied} − reserved ${c.reserved} − maintenance ${c.maintenance}).`,
    })
    row.available = derived
  }
}

/**
 * Give every hospital its three resource rows (missing ones at zero) and start each resource's
 * verifiable history with a `create` audit row holding the counts as adopted. No one signed in did
 * this, so changedBy is NULL; the legacy audit rows before it are kept as they were.
 */
function startResourceHistories(
  db: DB,
  now: string,
  client: ClientInfo,
  fixes: AdoptReport['resourceFixes'],
): number {
  const hospitals = db.prepare('SELECT id FROM hospitals ORDER BY id').pluck().all() as number[]
  const find = db.prepare('SELECT * FROM hospital_resources WHERE hospitalId = ? AND resourceType = ?')
  const insert = db.prepare(
    `INSERT INTO hospital_resources (hospitalId, resourceType, total, available, occupied, reserved, maintenance, lastUpdated)
     VALUES (?, ?, 0, 0, 0, 0, 0, ?)`,
  )
  const audit = db.prepare(
    `INSERT INTO resource_audit_log (hospitalId, resourceType, action, oldValues, newValues, changedBy, reason,
       ipAddress, userAgent, createdAt)
     VALUES (?, ?, 'create', NULL, ?, NULL, ?, ?, ?, ?)`,
  )
  let created = 0
  for (const hospitalId of hospitals) {
    for (const resourceType of RESOURCE_TYPES) {
      let row = find.get(hospitalId, resourceType) as (ResourceCounts & { id: number }) | undefined
      if (!row) {
        insert.run(hospitalId, resourceType, now)
        created++
        fixes.push({ hospitalId, resourceType, message: 'had no row; created at zero.' })
        row = find.get(hospitalId, resourceType) as ResourceCounts & { id: number }
      }
      const counts: ResourceCounts = {
        total: row.total,
        available: row.available,
        occupied: row.occupied,
        reserved: row.reserved,
        maintenance: row.maintenance,
      }
      audit.run(
        hospitalId,
        resourceType,
        JSON.stringify(counts),
        'Adopted from a RapidCare back-end database: counts as found',
        client.workstation,
        client.userAgent,
        now,
      )
    }
  }
  return created
}

/**
 * The CLI's adoption: the legacy file into the desk database at `target`. A target that is the
 * legacy file itself is converted in place: built beside it, then renamed over it. Any other
 * target must be new or an empty desk database.
 */
export function adoptFile(
  legacyPath: string,
  target: string,
  options: Omit<AdoptOptions, 'databasePath'> & { key?: DatabaseKey | null },
): AdoptReport {
  const source = path.resolve(legacyPath)
  const dest = path.resolve(target)
  checkSourceFile(source)
  const inPlace = fs.existsSync(dest) && fs.realpathSync(dest) === fs.realpathSync(source)
  const existed = fs.existsSync(dest)
  const workFile = inPlace ? `${dest}.adopting` : dest
  if (inPlace) removeDbFiles(workFile)
  let db: DB | null = null
  try {
    db = openDatabase(workFile, { key: options.key ?? null })
    migrate(db)
    const report = adoptInto(db, source, { ...options, databasePath: dest })
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    db = null
    if (inPlace) {
      // The backup holds the legacy file (and its WAL); now the adopted file takes its place.
      for (const f of [`${dest}-wal`, `${dest}-shm`, `${dest}-journal`]) fs.rmSync(f, { force: true })
      fs.renameSync(workFile, dest)
      removeDbFiles(workFile)
    }
    return report
  } catch (err) {
    db?.close()
    if (inPlace || !existed) removeDbFiles(workFile)
    throw err
  }
}

/**
 * The first-run choice: while no administrator exists, adopt a legacy file into this desk's own
 * (empty) database. Only the one file asked for is read, and only if it is given as a full path.
 */
export function adoptAtFirstRun(
  ctx: ServiceContext,
  setupCode: SetupCode,
  input: { path: string; setupCode: string },
): AdoptReport {
  if (adminExists(ctx.db))
    throw new DeskError(
      'CONFLICT',
      'This desk is already set up; a RapidCare database can be adopted only at first run.',
    )
  setupCode.check(input.setupCode)
  if (!path.isAbsolute(input.path))
    throw refuse('Give the full path of the file, e.g. /srv/rapidcare/back-end/database.sqlite.')
  const source = path.resolve(input.path)
  const own = path.resolve(ctx.app.databasePath)
  if (source === own || (fs.existsSync(source) && fs.realpathSync(source) === fs.realpathSync(own)))
    throw refuse(`${source} is this desk's own database.`)
  return adoptInto(ctx.db, source, { databasePath: ctx.app.databasePath, now: ctx.now(), client: ctx.client })
}
