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
