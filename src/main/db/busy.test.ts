/** Items 16 and 17: another desk holding the file, and a database on a network filesystem. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, tempDir, type TestDesk } from '../../../test/helpers'
import { runMaintenance } from '../services/maintenance'
import { isUncPath, networkFilesystemName, networkLocation } from './filesystem'
import { openDatabase } from './open'

const open: { close(): void }[] = []
afterEach(() => {
  for (const d of open.splice(0)) d.close()
})

function desk(): TestDesk {
  const d = makeDesk()
  open.push(d)
  return d
}

describe('another desk holds the write lock (item 16)', () => {
  it('answers CONFLICT in words, not INTERNAL, and changes nothing', async () => {
    const d = desk()
    const admin = await d.adminToken()
    // A second connection on the file, as another desk's long VACUUM would be.
    const other = new Database(d.dbPath)
    open.push(other)
    d.db.pragma('busy_timeout = 50')
    const before = tableCounts(d)
    other.exec('BEGIN IMMEDIATE')
    try {
      const err = await expectFailure(
        d.raw(
          'hospitals.create',
          { name: 'Comilla General', address: 'Comilla', phone: '+8801711000000' },
          admin,
        ),
        'CONFLICT',
      )
      expect(err.message).toMatch(/database is busy .* try again/)
    } finally {
      other.exec('ROLLBACK')
    }
    expect(tableCounts(d)).toEqual(before)
  })

  it('vacuums in steps, so another desk writes while it runs', async () => {
    const d = desk()
    const db = d.live.db
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2) // a new file: incremental
    const insert = db.prepare(`INSERT INTO payment_config (gateway, config) VALUES ('bulk', ?)`)
    db.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run('x'.repeat(4000))
    })()
    db.prepare(`DELETE FROM payment_config`).run()
    const other = new Database(d.dbPath)
    open.push(other)
    other.pragma('busy_timeout = 0')
    let writesDuring = 0
    let done = false
    const write = () => {
      if (done) return
      try {
        other.prepare(`INSERT INTO payment_config (gateway, config) VALUES ('other-desk', '{}')`).run()
        writesDuring++
      } catch {
        // busy this instant
      }
      setTimeout(write, 5)
    }
    setTimeout(write, 0)
    const result = await runMaintenance(
      { db, dbPath: d.dbPath, live: d.live, now: () => new Date(), vacuumPagesPerStep: 50 },
      'vacuum',
    )
    done = true
    expect(result).toMatchObject({ task: 'vacuum', ok: true })
    expect(writesDuring).toBeGreaterThan(0)
    expect(db.pragma('freelist_count', { simple: true })).toBe(0)
  })
})

describe('a database on a network filesystem (item 17)', () => {
  it('knows the network filesystems by their statfs type', () => {
    expect(networkFilesystemName(0x6969)).toBe('NFS')
    expect(networkFilesystemName(0x517b)).toBe('SMB')
    expect(networkFilesystemName(0xff534d42)).toBe('CIFS')
    expect(networkFilesystemName(-11317950)).toBe('CIFS') // the same, as a signed 32-bit f_type
    expect(networkFilesystemName(0xfe534d42)).toBe('SMB2')
    expect(networkFilesystemName(0xef53)).toBeNull() // ext4
    expect(networkFilesystemName(0x58465342)).toBeNull() // xfs
    expect(networkFilesystemName(0x01021994)).toBeNull() // tmpfs
    expect(networkFilesystemName(0x65735546)).toBeNull() // FUSE: ntfs-3g is local
  })

  it('knows a UNC path', () => {
    expect(isUncPath('\\\\server\\share\\rapidcare.sqlite', 'linux')).toBe(true)
    expect(isUncPath('\\\\?\\UNC\\server\\share\\rapidcare.sqlite', 'win32')).toBe(true)
    expect(isUncPath('//server/share/rapidcare.sqlite', 'win32')).toBe(true)
    expect(isUncPath('//server/share/rapidcare.sqlite', 'linux')).toBe(false)
    expect(isUncPath('\\\\?\\C:\\data\\rapidcare.sqlite', 'win32')).toBe(false)
    expect(isUncPath('C:\\Users\\desk\\rapidcare.sqlite', 'win32')).toBe(false)
    expect(isUncPath('/home/desk/rapidcare.sqlite', 'linux')).toBe(false)
  })

  it('opens a local file, and refuses a share saying why and what to do', () => {
    const dir = tempDir()
    expect(networkLocation(path.join(dir, 'new', 'rapidcare.sqlite'))).toBeNull()
    const db = openDatabase(path.join(dir, 'rapidcare.sqlite'))
    db.close()
    const share = '\\\\records-server\\desk\\rapidcare.sqlite'
    expect(() => openDatabase(share)).toThrow(/network share.*two computers writing it would damage it/)
    expect(fs.existsSync(share)).toBe(false)
  })
})
