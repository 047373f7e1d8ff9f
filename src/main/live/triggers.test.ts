/**
 * Every domain table feeds `changes` (migrations 007 and 012): a table added later without a
 * trigger fails here, and the two tables 012 covers produce events on another process's write.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff, bookingInput } from '../../../test/bookingFixtures'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { openDatabase } from '../db/open'
import { TABLE_AREAS, type ChangeEvent } from '../../shared/live'
import { scopeForToken } from './scope'

let desks: TestDesk[] = []
afterEach(() => {
  for (const d of desks) d.close()
  desks = []
})

/** Not domain data: the feed itself, the runner's record, token hashes, and FTS's derived index. */
const NOT_DOMAIN = new Set(['changes', 'migrations', 'sessions'])

describe('change triggers', () => {
  it('cover every domain table, and each table the feed hears of has its screens’ areas', () => {
    const d = makeDesk()
    desks.push(d)
    const tables = d.db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'bookings_name_fts%'`,
      )
      .pluck()
      .all() as string[]
    const fed = new Set(
      d.db
        .prepare(
          `SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INSERT INTO changes%'`,
        )
        .pluck()
        .all() as string[],
    )
    const domain = tables.filter((t) => !NOT_DOMAIN.has(t))
    expect(domain.filter((t) => !fed.has(t))).toEqual([])
    expect(domain.filter((t) => !TABLE_AREAS[t]?.length)).toEqual([])
    expect(domain).toEqual(expect.arrayContaining(['booking_referrals', 'user_preferences']))
  })

  it('announce a referral written by another process to both hospitals, and a language chosen on another desk', async () => {
    const d = makeDesk()
    desks.push(d)
    await d.adminToken()
    const a = addHospital(d, { name: 'Dhaka Medical College Hospital' })
    const b = addHospital(d, { name: 'Square Hospital' })
    const c = addHospital(d, { name: 'Sylhet Osmani Hospital' })
    const deskA = await addStaff(d, 'user', a)
    const authA = await addStaff(d, 'hospital-authority', a)
    const authB = await addStaff(d, 'hospital-authority', b)
    const authC = await addStaff(d, 'hospital-authority', c)
    const first = await d.call('bookings.create', bookingInput(a, new Date()), deskA.token)
    const second = await d.call('bookings.create', bookingInput(a, new Date()), deskA.token)
    d.feed.poke()
    const heard = (token: string) => {
      const events: ChangeEvent[] = []
      d.feed.subscribe({
        scope: () => scopeForToken(d.db, d.dispatcher.sessions, token),
        send: (e) => events.push(e),
      })
      return events
    }
    const ofA = heard(authA.token)
    const ofB = heard(authB.token)
    const ofC = heard(authC.token)

    // The CLI or a second desk process on the same file: only the database sees this write.
    const other = openDatabase(path.join(d.dir, 'desk.sqlite'))
    try {
      other
        .prepare(
          `INSERT INTO booking_referrals (fromBookingId, toBookingId, fromHospitalId, toHospitalId, reason, referredBy)
           VALUES (?, ?, ?, ?, 'Needs a cath lab', ?)`,
        )
        .run(first.id, second.id, a, b, authA.id)
      d.feed.check()
      expect(ofA).toEqual([{ seq: d.feed.lastSeq, areas: ['bookings'], hospitalIds: [a] }])
      expect(ofB).toEqual([{ seq: d.feed.lastSeq, areas: ['bookings'], hospitalIds: [b] }])
      expect(ofC).toEqual([])

      other
        .prepare(
          `INSERT INTO user_preferences (userId, language, banglaDigits, updatedAt) VALUES (?, 'bn', 1, ?)`,
        )
        .run(deskA.id, new Date().toISOString())
      d.feed.check()
      expect(ofA.at(-1)).toEqual({ seq: d.feed.lastSeq, areas: ['users'], hospitalIds: [a] })
      other.prepare(`UPDATE user_preferences SET language = 'en' WHERE userId = ?`).run(deskA.id)
      d.feed.check()
      expect(ofA).toHaveLength(3)
      expect(ofB).toHaveLength(1)
      expect(ofC).toEqual([])
      const rows = d.db
        .prepare(
          `SELECT table_name, op, hospital_id FROM changes WHERE table_name IN ('booking_referrals', 'user_preferences') ORDER BY seq`,
        )
        .all()
      expect(rows).toEqual([
        { table_name: 'booking_referrals', op: 'insert', hospital_id: a },
        { table_name: 'booking_referrals', op: 'insert', hospital_id: b },
        { table_name: 'user_preferences', op: 'insert', hospital_id: a },
        { table_name: 'user_preferences', op: 'update', hospital_id: a },
      ])
    } finally {
      other.close()
    }
  })
})
