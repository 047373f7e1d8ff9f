/** The change feed on a real desk file: triggers, scopes, other connections, resume, restore-like swaps. */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff, bookingInput } from '../../../test/bookingFixtures'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { openDatabase } from '../db/open'
import type { ChangeEvent } from '../../shared/live'
import { eventFor, type Subscriber } from './feed'
import { scopeForToken } from './scope'

let desks: TestDesk[] = []
afterEach(() => {
  for (const d of desks) d.close()
  desks = []
})

function desk(): TestDesk {
  const d = makeDesk()
  desks.push(d)
  return d
}

function listen(d: TestDesk, token: string, since?: number): { events: ChangeEvent[]; stop: () => void } {
  const events: ChangeEvent[] = []
  const sub: Subscriber = {
    scope: () => scopeForToken(d.db, d.dispatcher.sessions, token),
    send: (e) => events.push(e),
  }
  return { events, stop: d.feed.subscribe(sub, since) }
}

async function twoHospitals(d: TestDesk) {
  await d.adminToken()
  const a = addHospital(d, { name: 'Dhaka Medical College Hospital' })
  const b = addHospital(d, { name: 'Chittagong General Hospital' })
  const deskA = await addStaff(d, 'user', a)
  const authA = await addStaff(d, 'hospital-authority', a)
  const authB = await addStaff(d, 'hospital-authority', b)
  d.feed.poke() // the fixtures' own rows are old news
  return { a, b, deskA, authA, authB }
}

describe('migration 007 triggers', () => {
  it('write one row per changed row of a domain table, with its hospital, in the same transaction', async () => {
    const d = desk()
    const { a, deskA } = await twoHospitals(d)
    const before = d.feed.lastSeq
    const booking = await d.call('bookings.create', bookingInput(a, new Date()), deskA.token)
    const rows = d.db
      .prepare('SELECT table_name, row_id, op, hospital_id FROM changes WHERE seq > ? ORDER BY seq')
      .all(before)
    expect(rows).toEqual(
      expect.arrayContaining([
        { table_name: 'bookings', row_id: booking.id, op: 'insert', hospital_id: a },
        { table_name: 'booking_status_history', row_id: expect.any(Number), op: 'insert', hospital_id: a },
        { table_name: 'booking_notifications', row_id: expect.any(Number), op: 'insert', hospital_id: a },
      ]),
    )
    // A refused call leaves no trace: its transaction, changes rows included, rolled back.
    const count = () => d.db.prepare('SELECT COUNT(*) FROM changes').pluck().get()
    const n = count()
    const refused = await d.raw(
      'bookings.create',
      { ...bookingInput(a, new Date()), hospitalId: 9999 },
      deskA.token,
    )
    expect(refused.ok).toBe(false)
    expect(count()).toBe(n)
  })
})

describe('the change feed', () => {
  it('tells each subscriber only of the hospitals it may see, and never a row’s contents', async () => {
    const d = desk()
    const { a, b, deskA, authA, authB } = await twoHospitals(d)
    const admin = listen(d, await d.adminToken())
    const ofA = listen(d, authA.token)
    const ofB = listen(d, authB.token)
    const created = await d.call('bookings.create', bookingInput(a, new Date()), deskA.token)

    expect(ofA.events).toHaveLength(1)
    expect(ofA.events[0]).toEqual({
      seq: d.feed.lastSeq,
      areas: ['bookings', 'notifications'],
      hospitalIds: [a],
    })
    expect(admin.events.map((e) => e.hospitalIds)).toEqual([[a]])
    expect(ofB.events).toEqual([])
    expect(JSON.stringify(ofA.events)).not.toContain(created.patientName)

    await d.call('bookings.approve', { id: created.id }, authA.token)
    expect(ofA.events.at(-1)!.areas).toEqual(['audit', 'bookings', 'notifications', 'resources'])
    expect(ofB.events).toEqual([])
    expect(b).not.toBe(a)
  })

  it('notices another connection’s commits (a second desk process, the CLI) by PRAGMA data_version', async () => {
    const d = desk()
    const { a, authA } = await twoHospitals(d)
    const l = listen(d, authA.token)
    const other = openDatabase(path.join(d.dir, 'desk.sqlite'))
    try {
      d.feed.check()
      expect(l.events).toEqual([])
      other
        .prepare(
          `UPDATE hospital_resources SET total = total + 1, available = available + 1 WHERE hospitalId = ?`,
        )
        .run(a)
      d.feed.check()
      expect(l.events).toEqual([{ seq: d.feed.lastSeq, areas: ['resources'], hospitalIds: [a] }])
      d.feed.check() // nothing new: nothing sent
      expect(l.events).toHaveLength(1)
    } finally {
      other.close()
    }
  })

  it('resumes after a Last-Event-ID with what was missed, and says "re-read everything" when it cannot tell', async () => {
    const d = desk()
    const { a, b, deskA, authA } = await twoHospitals(d)
    const mark = d.feed.lastSeq
    await d.call('bookings.create', bookingInput(a, new Date()), deskA.token)
    addHospital(d, { name: 'Sylhet Osmani Hospital' })
    d.feed.poke()

    const resumed = listen(d, authA.token, mark)
    expect(resumed.events).toEqual([
      { seq: d.feed.lastSeq, areas: ['bookings', 'notifications'], hospitalIds: [a] },
    ])
    const current = listen(d, authA.token, d.feed.lastSeq)
    expect(current.events).toEqual([])
    const ahead = listen(d, authA.token, d.feed.lastSeq + 1000)
    expect(ahead.events).toEqual([
      expect.objectContaining({ seq: d.feed.lastSeq, reset: true, hospitalIds: [a] }),
    ])
    expect(b).not.toBe(a)
  })

  it('drops a subscriber whose session ended', async () => {
    const d = desk()
    const { a, deskA, authA } = await twoHospitals(d)
    let dropped = false
    d.feed.subscribe({
      scope: () => scopeForToken(d.db, d.dispatcher.sessions, authA.token),
      send: () => {},
      drop: () => (dropped = true),
    })
    await d.call('auth.logout', {}, authA.token)
    await d.call('bookings.create', bookingInput(a, new Date()), deskA.token)
    expect(dropped).toBe(true)
    expect(d.feed.size).toBe(0)
  })

  it('tells everyone to re-read everything when the database handle is replaced (a restore)', async () => {
    const d = desk()
    const { authA, a } = await twoHospitals(d)
    const l = listen(d, authA.token)
    d.live.replace(() => {})
    d.feed.check()
    expect(l.events).toEqual([expect.objectContaining({ reset: true, hospitalIds: [a] })])
  })
})

describe('eventFor', () => {
  const groups = [
    { seq: 5, table: 'bookings', hospitalId: 1 },
    { seq: 6, table: 'hospital_resources', hospitalId: 2 },
    { seq: 7, table: 'payment_config', hospitalId: null },
  ]
  it('keeps what the scope may see, and rows of no hospital', () => {
    expect(eventFor(groups, null, 7)).toEqual({
      seq: 7,
      areas: ['bookings', 'resources', 'settings'],
      hospitalIds: [1, 2],
    })
    expect(eventFor(groups, 2, 7)).toEqual({ seq: 7, areas: ['resources', 'settings'], hospitalIds: [2] })
    expect(eventFor(groups.slice(0, 2), 3, 7)).toBeNull()
    expect(eventFor(groups.slice(0, 2), 'none', 7)).toBeNull()
  })
})
