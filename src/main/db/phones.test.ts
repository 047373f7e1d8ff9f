/** Migration 009: phones stored before the desk stored E.164 are rewritten, odd ones kept. */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from '../../../test/migrations'
import { migrate } from './migrate'

describe('migration 009 (phones in E.164)', () => {
  it('rewrites plainly written numbers and leaves odd values as they were', () => {
    const { db, all } = databaseBefore(9)
    const phones = [
      ['01711-223344', '+8801711223344'],
      ['+880 1819 556677', '+8801819556677'],
      ['8801911000111', '+8801911000111'],
      ['00880 1711 000000', '+8801711000000'],
      ['+880 2 8144400', '+88028144400'],
      ['+44 (20) 7946-0958', '+442079460958'],
      ['+8801711000000', '+8801711000000'],
      ['call reception', 'call reception'],
      ['12345', '12345'],
      ['0 2 9661551', '0 2 9661551'],
    ]
    const insert = db.prepare(
      `INSERT INTO hospitals (name, address, phone, status) VALUES (?, 'Dhaka', ?, 'approved')`,
    )
    phones.forEach(([typed], i) => insert.run(`Hospital ${i}`, typed))
    migrate(db, all)
    const stored = db.prepare('SELECT phone FROM hospitals ORDER BY id').pluck().all()
    expect(stored).toEqual(phones.map(([, e164]) => e164))
    db.close()
  })
})
