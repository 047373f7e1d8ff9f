/**
 * Encryption at rest, on real files: what a thief with the file (or the backup) sees, what the desk
 * with its key sees, and the CLI's encrypt and rekey, also when killed midway.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addHospital, addStaff, bookingInput } from '../../../test/bookingFixtures'
import { ADMIN, makeDesk, tempDir, type TestDesk } from '../../../test/helpers'
import { runCli } from '../cli'
import { createKeyFile, DatabaseKey, readKeyFile } from './key'
import { openDatabase, type DB } from './open'

const PATIENT = 'Rahima Begum রহিমা'
const NAME_BYTES = Buffer.from(PATIENT, 'utf8')
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

let desk: TestDesk | null = null
let out: string[]
let errors: string[]
beforeEach(() => {
  out = []
  errors = []
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')))
})
afterEach(() => {
  vi.restoreAllMocks()
  desk?.close()
  desk = null
})

async function writePatient(d: TestDesk): Promise<number> {
  await d.adminToken()
  const hospitalId = addHospital(d)
  const frontDesk = await addStaff(d, 'user', null)
  const booking = await d.call(
    'bookings.create',
    bookingInput(hospitalId, new Date(), { patientName: PATIENT }),
    frontDesk.token,
  )
  return booking.id
}

/** Every table's rows and the schema, as text: what "every row kept" is compared on. */
function dump(db: DB): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  const rows = tables.map((t) => [
    t,
    (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
  ])
  const schema = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all()
  return JSON.stringify({ schema, rows, version: db.pragma('user_version', { simple: true }) })
}

function dumpOf(file: string, key: DatabaseKey | null): string {
  const db = openDatabase(file, { create: false, key })
  try {
    return dump(db)
  } finally {
    db.close()
  }
}

/** What someone without the key sees: SQLite itself (as the `sqlite3` tool would) cannot read it. */
function unreadableWithoutKey(file: string): void {
  const bytes = fs.readFileSync(file)
  expect(bytes.includes(NAME_BYTES)).toBe(false)
  expect(bytes.includes(SQLITE_HEADER)).toBe(false)
  const copy = `${file}.thief-copy`
  fs.copyFileSync(file, copy)
  const thief = new Database(copy, { fileMustExist: true })
  try {
    expect(() => thief.prepare('SELECT name FROM sqlite_schema').all()).toThrow(/not a database/)
  } finally {
    thief.close()
    fs.rmSync(copy)
  }
}

describe('a desk with a key', () => {
  it('keeps the patient out of the database, its WAL and its backups; with the key it reads them', async () => {
    const key = DatabaseKey.generate()
    desk = makeDesk({ key })
    const id = await writePatient(desk)
    const admin = await desk.adminToken()
    // Live, with the WAL holding the last writes.
    expect(fs.statSync(`${desk.dbPath}-wal`).size).toBeGreaterThan(0)
    unreadableWithoutKey(desk.dbPath)
    expect(fs.readFileSync(`${desk.dbPath}-wal`).includes(NAME_BYTES)).toBe(false)
    expect(fs.readFileSync(`${desk.dbPath}-wal`).includes(SQLITE_HEADER)).toBe(false)

    const backup = await desk.call('backup.export', {}, admin)
    const gz = fs.readFileSync(backup.path)
    expect(gz.includes(NAME_BYTES)).toBe(false)
    const inside = zlib.gunzipSync(gz)
    expect(inside.includes(NAME_BYTES)).toBe(false)
    expect(inside.includes(SQLITE_HEADER)).toBe(false)
    // The manifest (in the gzip header) holds counts and facts, no patient.
    expect(backup.manifest.tables.bookings).toBe(1)
    expect(JSON.stringify(backup.manifest)).not.toContain('Rahima')

    expect((await desk.call('bookings.get', { id }, admin)).patientName).toBe(PATIENT)
    expect((await desk.call('maintenance.report', {}, admin)).encrypted).toBe(true)
    desk.close()
    unreadableWithoutKey(desk.dbPath)
    expect(fs.existsSync(`${desk.dbPath}-wal`)).toBe(false)
    const staged = path.join(desk.dir, 'backup-inside.sqlite')
    fs.writeFileSync(staged, inside)
    unreadableWithoutKey(staged)
    const db = openDatabase(staged, { create: false, key })
    expect(db.prepare('SELECT patientName FROM bookings').pluck().get()).toBe(PATIENT)
    db.close()
  })

  it('gives the recovery code to the first administrator, once; a plain desk has none', async () => {
    const key = DatabaseKey.generate()
    desk = makeDesk({ key })
    const admin = await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })
    expect(admin.recoveryCode).toBe(key.recoveryCode())
    expect(
      (
        await desk.raw('auth.setupAdmin', {
          ...ADMIN,
          setupCode: desk.setupCode,
          email: 'second@rapidcare.test',
        })
      ).ok,
    ).toBe(false)
    desk.close()
    desk = makeDesk()
    expect(
      (await desk.call('auth.setupAdmin', { ...ADMIN, setupCode: desk.setupCode })).recoveryCode,
    ).toBeNull()
    const token = await desk.login(ADMIN.email, ADMIN.password)
    expect((await desk.call('maintenance.report', {}, token)).encrypted).toBe(false)
  })

  it('refuses a wrong or missing key in one plain line, changing nothing', async () => {
    const key = DatabaseKey.generate()
    desk = makeDesk({ key })
    await writePatient(desk)
    desk.close()
    const before = fs.readFileSync(desk.dbPath)
    const wrong = path.join(desk.dir, 'wrong.key')
    createKeyFile(wrong, DatabaseKey.generate())
    expect(() => openDatabase(desk!.dbPath, { key: DatabaseKey.generate() })).toThrow(
      /does not open with this key: give the key file/,
    )
    expect(() => openDatabase(desk!.dbPath)).toThrow(/is encrypted.*give its key file/)

    for (const args of [
      ['check', '--db', desk.dbPath, '--key-file', wrong],
      ['check', '--db', desk.dbPath],
      ['migrate', '--db', desk.dbPath, '--key-file', path.join(desk.dir, 'no-such.key')],
    ]) {
      errors = []
      expect(await runCli(args)).toBe(1)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/key file/)
      expect(errors[0]).not.toMatch(/file is not a database|\n\s+at /)
    }
    expect(fs.readFileSync(desk.dbPath).equals(before)).toBe(true)
    expect(fs.existsSync(path.join(desk.dir, 'no-such.key'))).toBe(false)
  })

  it('restores on a new machine with the recovery code; without it, or with another, refuses and changes nothing', async () => {
    const key = DatabaseKey.generate()
    desk = makeDesk({ key })
    await writePatient(desk)
    const backup = await desk.call('backup.export', {}, await desk.adminToken())
    desk.close()

    const machine = tempDir()
    const target = path.join(machine, 'rapidcare.sqlite')
    expect(await runCli(['restore', backup.path, '--db', target])).toBe(1)
    expect(errors.at(-1)).toMatch(/This backup is encrypted: give the key file/)
    const other = path.join(machine, 'other.key')
    createKeyFile(other, DatabaseKey.generate())
    expect(await runCli(['restore', backup.path, '--db', target, '--key-file', other])).toBe(1)
    expect(errors.at(-1)).toMatch(/does not open with this key/)
    expect(fs.readdirSync(machine)).toEqual(['other.key'])

    // The recovery code as a person types it from paper: lower case, spaces instead of dashes.
    const typed = path.join(machine, 'recovery.txt')
    fs.writeFileSync(typed, `${key.recoveryCode().toLowerCase().replace(/-/g, ' ')}\n`)
    expect(await runCli(['restore', backup.path, '--db', target, '--key-file', typed])).toBe(0)
    unreadableWithoutKey(target)
    const db = openDatabase(target, { create: false, key: readKeyFile(typed) })
    expect(db.prepare('SELECT patientName FROM bookings').pluck().get()).toBe(PATIENT)
    db.close()
  })
})

describe('cli encrypt and rekey', () => {
  async function plainDesk(): Promise<{ dir: string; dbPath: string; before: string }> {
    desk = makeDesk()
    await writePatient(desk)
    const { dir, dbPath } = desk
    const before = dump(desk.db)
    desk.close()
    desk = null
    expect(fs.readFileSync(dbPath).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true)
    return { dir, dbPath, before }
  }

  it('encrypt keeps every row, makes the key file, prints the recovery code once and leaves no plain copy', async () => {
    const { dir, dbPath, before } = await plainDesk()
    const keyFile = path.join(dir, 'keys', 'desk.key')
    expect(await runCli(['encrypt', '--db', dbPath, '--key-file', keyFile])).toBe(0)
    const key = readKeyFile(keyFile)
    expect(out.filter((l) => l.includes(key.recoveryCode()))).toHaveLength(1)
    expect(fs.statSync(keyFile).mode & 0o077).toBe(0)
    expect(dumpOf(dbPath, key)).toBe(before)
    // Nothing plain anywhere in the folder: no copy, no journal, no leftover.
    for (const name of fs.readdirSync(dir).filter((n) => n !== 'keys')) {
      const file = path.join(dir, name)
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file).includes(NAME_BYTES), name).toBe(false)
    }
    unreadableWithoutKey(dbPath)
    expect(await runCli(['encrypt', '--db', dbPath, '--key-file', keyFile])).toBe(1)
    expect(errors.at(-1)).toMatch(/already encrypted/)
  })

  it('rekey opens with the new key only; the old key file still opens backups made before', async () => {
    const { dir, dbPath, before } = await plainDesk()
    const oldFile = path.join(dir, 'old.key')
    const newFile = path.join(dir, 'new.key')
    expect(await runCli(['encrypt', '--db', dbPath, '--key-file', oldFile])).toBe(0)
    const oldBackup = path.join(dir, 'old-backup.sqlite.gz')
    expect(await runCli(['backup', '--db', dbPath, '--key-file', oldFile, '--out', oldBackup])).toBe(0)
    expect(await runCli(['rekey', '--db', dbPath, '--key-file', oldFile, '--new-key-file', newFile])).toBe(0)
    expect(dumpOf(dbPath, readKeyFile(newFile))).toBe(before)
    expect(() => dumpOf(dbPath, readKeyFile(oldFile))).toThrow(/does not open with this key/)
    // The old backup onto the rekeyed database: opened with its own key, stored with the new one.
    expect(
      await runCli([
        'restore',
        oldBackup,
        '--db',
        dbPath,
        '--key-file',
        newFile,
        '--backup-key-file',
        oldFile,
      ]),
    ).toBe(0)
    expect(dumpOf(dbPath, readKeyFile(newFile))).toBe(before)
  })

  /** The CLI in a child process that kills itself (SIGKILL) at a named step. */
  function killedAt(step: string, args: string[]): Promise<NodeJS.Signals | null> {
    const cli = path.resolve(__dirname, '../cli.ts')
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, RAPIDCARE_CRASH_AT: step },
      })
      let err = ''
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve(signal) : reject(new Error(`not killed (exit ${code}): ${err}`)),
      )
    })
  }

  /** Which key opens the file now: 'none' (plain), 'old', 'new' — never neither. */
  function opensWith(dbPath: string, keys: { old: DatabaseKey | null; new: DatabaseKey }): string {
    for (const [name, key] of Object.entries(keys)) {
      try {
        dumpOf(dbPath, key)
        return name
      } catch {
        // try the next
      }
    }
    return 'neither'
  }

  it('a kill -9 at any step of encrypt leaves the database whole, plain or encrypted', async () => {
    const { dir, dbPath, before } = await plainDesk()
    const keyFile = path.join(dir, 'desk.key')
    const key = DatabaseKey.generate()
    createKeyFile(keyFile, key)
    const seen: string[] = []
    for (const step of ['copied', 'rekeyed', 'verified', 'renamed']) {
      if (seen.at(-1) === 'new') break
      await killedAt(`encrypt:${step}`, ['encrypt', '--db', dbPath, '--key-file', keyFile])
      const state = opensWith(dbPath, { old: null, new: key })
      seen.push(state)
      expect(state, step).not.toBe('neither')
      expect(dumpOf(dbPath, state === 'new' ? key : null)).toBe(before)
    }
    expect(seen).toEqual(['old', 'old', 'old', 'new'])
    // A run after the crash finishes the job (or says it is done), leaving no copy behind.
    expect(await runCli(['encrypt', '--db', dbPath, '--key-file', keyFile])).toBe(1)
    expect(fs.readdirSync(dir).filter((n) => n.includes('reencrypt'))).toEqual([])
  }, 60_000)

  it('a kill -9 at any step of rekey leaves a database that opens with the old key or the new', async () => {
    const { dir, dbPath, before } = await plainDesk()
    const oldFile = path.join(dir, 'old.key')
    const newFile = path.join(dir, 'new.key')
    expect(await runCli(['encrypt', '--db', dbPath, '--key-file', oldFile])).toBe(0)
    const oldKey = readKeyFile(oldFile)
    const newKey = DatabaseKey.generate()
    createKeyFile(newFile, newKey)
    const seen: string[] = []
    for (const step of ['copied', 'rekeyed', 'verified', 'renamed']) {
      await killedAt(`rekey:${step}`, [
        'rekey',
        '--db',
        dbPath,
        '--key-file',
        oldFile,
        '--new-key-file',
        newFile,
      ])
      const state = opensWith(dbPath, { old: oldKey, new: newKey })
      seen.push(state)
      expect(state, step).not.toBe('neither')
      expect(dumpOf(dbPath, state === 'new' ? newKey : oldKey)).toBe(before)
      if (state === 'new') break
    }
    expect(seen).toEqual(['old', 'old', 'old', 'new'])
  }, 60_000)
})
