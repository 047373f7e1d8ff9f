/** Items 14 and 15: two desks backing up into one folder, and what a killed job leaves behind. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { openDesk, type DeskCore } from '../app'
import { exportBackup, runtimeFor, type BackupDeps } from '../services/backup'
import { removeStaleTemporaries, startAutomaticBackups } from '../services/backupSchedule'
import { backupsFolder, plainFileError, quickVerification } from './backup'
import { claimName, isStale, temporaryName, temporaryOwner } from './temporaries'

const open: { close(): void }[] = []
afterEach(() => {
  for (const d of open.splice(0)) d.close()
})

function depsOf(d: DeskCore, dbPath: string, now: () => Date): BackupDeps {
  return { dbPath, live: d.live, now, app: d.app, client: { workstation: 'desk', userAgent: 'test' } }
}

/** The id of a process that has certainly ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!
}

describe('two desks on one file (item 14)', () => {
  it('both export a verified backup in the same second, into two files', async () => {
    const a: TestDesk = makeDesk()
    open.push(a)
    const b = openDesk({ dbPath: a.dbPath, logError: () => {} })
    open.push(b)
    const second = () => new Date('2026-11-29T10:00:00.000Z')
    const results = await Promise.allSettled([
      exportBackup(depsOf(a, a.dbPath, second), { kind: 'manual' }),
      exportBackup(depsOf(b, a.dbPath, second), { kind: 'automatic' }),
      exportBackup(depsOf(a, a.dbPath, second), { kind: 'manual' }),
    ])
    const failures = results.filter((r) => r.status === 'rejected')
    expect(failures).toEqual([])
    const files = fs.readdirSync(backupsFolder(a.dbPath)).sort()
    expect(files).toEqual([
      'rapidcare-backup-20261129-100000-2.sqlite.gz',
      'rapidcare-backup-20261129-100000-3.sqlite.gz',
      'rapidcare-backup-20261129-100000.sqlite.gz',
    ])
    for (const f of files)
      expect(quickVerification(path.join(backupsFolder(a.dbPath), f)).verification).toBe('verified')
  })

  it('takes a final name atomically: never over another desk’s file', () => {
    const dir = fs.mkdtempSync(path.join(makeTmp(), 'claim-'))
    const final = path.join(dir, 'b.sqlite.gz')
    fs.writeFileSync(final, 'the other desk’s backup')
    const mine = temporaryName(final, 'partial')
    fs.writeFileSync(mine, 'mine')
    expect(() => claimName(mine, final)).toThrow(expect.objectContaining({ code: 'EEXIST' }))
    expect(path.basename(claimName(mine, final, { nextFree: true, suffix: '.sqlite.gz' }))).toBe(
      'b-2.sqlite.gz',
    )
    expect(fs.readFileSync(final, 'utf8')).toBe('the other desk’s backup')
  })

  it('says every file error in words', () => {
    for (const code of ['ENOENT', 'EIO', 'SQLITE_IOERR', 'SQLITE_READONLY', 'EEXIST', 'ENOSPC', 'EACCES']) {
      const err = plainFileError(Object.assign(new Error('raw'), { code }), '/srv/backups/x.sqlite.gz')
      expect(err).toMatchObject({ code: 'CONFLICT' })
      expect((err as Error).message).toContain('/srv/backups')
    }
  })
})

function makeTmp(): string {
  const d = makeDesk()
  open.push(d)
  return d.dir
}

describe('what a killed backup leaves (item 15)', () => {
  it('names its temporaries after the owning process', () => {
    expect(temporaryOwner(path.basename(temporaryName('/x/a.sqlite.gz', 'partial')))).toBe(process.pid)
    expect(isStale(`a.sqlite.gz.${deadPid()}-0a1b2c3d.partial`, 1000)).toBe(true)
    expect(isStale(`a.sqlite.gz.${process.ppid}-0a1b2c3d.partial`, 10 * 3_600_000)).toBe(false)
  })

  it('removes at start, whatever their age, the files of a dead process; keeps a live one’s', () => {
    const d = makeDesk()
    open.push(d)
    const folder = backupsFolder(d.dbPath)
    fs.mkdirSync(folder)
    const dead = deadPid()
    const killed = [
      path.join(folder, `rapidcare-backup-20261129-100000.sqlite.gz.${dead}-0a1b2c3d.partial`),
      path.join(folder, `rapidcare-backup-20261129-100000.sqlite.gz.${dead}-0a1b2c3d.snapshot-tmp`),
      path.join(folder, `rapidcare-backup-20261129-100000.sqlite.gz.${dead}-0a1b2c3d.snapshot-tmp-wal`),
      `${d.dbPath}.restore-20261129-100000-${dead}-0a1b2c3d.tmp`,
    ]
    const running = path.join(
      folder,
      `rapidcare-backup-20261129-100000.sqlite.gz.${process.ppid}-0a1b2c3d.partial`,
    )
    for (const f of [...killed, running]) fs.writeFileSync(f, 'x')
    const scheduled = startAutomaticBackups(
      depsOf(d, d.dbPath, () => new Date()),
      {
        log: () => {},
        startDelayMs: 60_000,
      },
    )
    scheduled.stop()
    expect(killed.filter((f) => fs.existsSync(f))).toEqual([])
    expect(fs.existsSync(running)).toBe(true)
    expect(removeStaleTemporaries(d.dbPath, new Date())).toEqual([])
  })

  it('does not begin a backup the moment it starts, nor while another desk writes one', async () => {
    const d = makeDesk()
    open.push(d)
    const deps = depsOf(d, d.dbPath, () => new Date())
    const delayed = startAutomaticBackups(deps, { log: () => {}, startDelayMs: 60_000 })
    expect(runtimeFor(d.live, d.dbPath).job).toBeNull()
    delayed.stop()
    await delayed.started

    const folder = backupsFolder(d.dbPath)
    fs.mkdirSync(folder, { recursive: true })
    const elsewhere = path.join(folder, `rapidcare-backup-x.sqlite.gz.${process.ppid}-0a1b2c3d.partial`)
    fs.writeFileSync(elsewhere, 'another desk is writing')
    const auto = startAutomaticBackups(deps, { log: () => {}, startDelayMs: 0 })
    await auto.started
    auto.stop()
    expect(fs.readdirSync(folder)).toEqual([path.basename(elsewhere)])
    fs.rmSync(elsewhere)
    await auto.tick()
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.sqlite.gz'))).toHaveLength(1)
  })
})
