import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers'
import { migrate } from './migrate'
import { openDatabase, type DB } from './open'

let db: DB
afterEach(() => db?.open && db.close())

describe('compiled statements', () => {
  it('are reused with their read modes reset, and a busy one is never shared', () => {
    db = openDatabase(path.join(tempDir(), 's.sqlite'))
    migrate(db)
    db.exec(`INSERT INTO users (name, email, password) VALUES ('A', 'a@x.org', 'x'), ('B', 'b@x.org', 'x')`)
    const sql = 'SELECT name FROM users ORDER BY id'
    expect(db.prepare(sql)).toBe(db.prepare(sql))
    expect(db.prepare(sql).pluck().all()).toEqual(['A', 'B'])
    expect(db.prepare(sql).all()).toEqual([{ name: 'A' }, { name: 'B' }])
    const seen: unknown[] = []
    for (const row of db.prepare(sql).iterate()) seen.push(row, db.prepare(sql).pluck().get())
    expect(seen).toEqual([{ name: 'A' }, 'A', { name: 'B' }, 'A'])
  })
})

describe('opening a file that is not a database', () => {
  it('refuses in words, leaving the file as it was', () => {
    const file = path.join(tempDir(), 'notes.txt')
    fs.writeFileSync(file, 'shopping list: rice, lentils, oil\n'.repeat(200))
    const before = fs.readFileSync(file)
    expect(() => openDatabase(file)).toThrow(/is not a RapidCare Desk database/)
    expect(fs.readFileSync(file)).toEqual(before)
    expect(() => openDatabase(path.join(tempDir(), 'missing', 'x.sqlite'), { create: false })).toThrow(
      /cannot be opened/,
    )
  })
})
