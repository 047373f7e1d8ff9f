import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff, bookingInput } from '../../../test/bookingFixtures'
import { FULL_NAMES, NAME_PAIRS } from '../../../test/fixtures/banglaNames'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { nameKey, nameQueryKeys } from '../../shared/locale/nameKey'
import { nameMatches } from './nameIndex'

/** What main's search does with the keys: every word typed is the start of a word of the name. */
function finds(query: string, name: string): boolean {
  const keys = nameQueryKeys(query)
  const stored = ` ${nameKey(name)}`
  return keys !== null && keys.every((k) => stored.includes(` ${k}`))
}

/** The share of pairs found, both ways; printed for the README. */
function recall(): { latinToBangla: number; banglaToLatin: number; misses: string[] } {
  let l2b = 0
  let b2l = 0
  const misses: string[] = []
  for (const [latin, bangla] of NAME_PAIRS) {
    const a = finds(latin, bangla)
    const b = finds(bangla, latin)
    if (a) l2b++
    if (b) b2l++
    if (!a || !b) misses.push(`${latin}/${bangla}`)
  }
  return { latinToBangla: l2b / NAME_PAIRS.length, banglaToLatin: b2l / NAME_PAIRS.length, misses }
}

describe('names across scripts', () => {
  it('finds the examples the desk promises', () => {
    expect(finds('rahima', 'রহিমা খাতুন')).toBe(true)
    expect(finds('করিম', 'Abdul Karim')).toBe(true)
    expect(finds('md', 'মোঃ আব্দুল করিম')).toBe(true)
    expect(finds('md', 'মোহাম্মদ রফিকুল ইসলাম')).toBe(true)
    expect(finds('মোঃ', 'Mohammad Ali')).toBe(true)
    expect(finds('md karim', 'মোঃ আব্দুল করিম')).toBe(true)
  })

  it('matches the start of a word, not any sound inside it', () => {
    expect(finds('rahim', 'Ibrahim Khalil')).toBe(false)
    expect(finds('karim', 'রহিমা খাতুন')).toBe(false)
    expect(finds('md karim', 'মোঃ আব্দুল রহিম')).toBe(false)
  })

  it(`finds at least 90% of ${NAME_PAIRS.length} real name pairs, in both directions`, () => {
    expect(NAME_PAIRS.length).toBeGreaterThanOrEqual(200)
    const r = recall()
    console.log(
      `name recall over ${NAME_PAIRS.length} pairs: Latin→Bangla ${(r.latinToBangla * 100).toFixed(1)}%, ` +
        `Bangla→Latin ${(r.banglaToLatin * 100).toFixed(1)}%; missed: ${r.misses.join(', ')}`,
    )
    expect(r.latinToBangla).toBeGreaterThanOrEqual(0.9)
    expect(r.banglaToLatin).toBeGreaterThanOrEqual(0.9)
  })
})

describe('bookings.list finds a name written in the other script', () => {
  let desk: TestDesk
  let token: string
  let hospitalId: number
  const now = new Date()
  beforeEach(async () => {
    desk = makeDesk({ now: () => now })
    hospitalId = addHospital(desk)
    token = (await addStaff(desk, 'user', hospitalId)).token
  })
  afterEach(() => desk.close())

  async function register(patientName: string): Promise<number> {
    return (await desk.call('bookings.create', bookingInput(hospitalId, now, { patientName }), token)).id
  }
  async function search(text: string, scoped = false): Promise<string[]> {
    const r = await desk.call('bookings.list', { search: text, ...(scoped ? { hospitalId } : {}) }, token)
    return r.items.map((b) => b.patientName)
  }

  it('Latin finds Bangla and Bangla finds Latin, through the index, within a hospital too', async () => {
    for (const [latin, bangla] of FULL_NAMES) {
      await register(latin)
      await register(bangla)
    }
    await register('Ibrahim Khalil')
    expect(await search('rahima')).toEqual(['রহিমা খাতুন', 'Rahima Khatun'])
    expect(await search('করিম')).toEqual(['মোঃ আব্দুল করিম', 'Md. Abdul Karim'])
    expect(new Set(await search('md'))).toEqual(
      new Set(['মোঃ আব্দুল করিম', 'Md. Abdul Karim', 'মোহাম্মদ রফিকুল ইসলাম', 'Mohammad Rafiqul Islam']),
    )
    expect(await search('Hussain Chowdhury', true)).toEqual([
      'তানভীর হোসেন চৌধুরী',
      'Tanvir Hossain Chowdhury',
    ])
    expect(await search('মোছাঃ রোকেয়া')).toEqual(['মোছাঃ রোকেয়া বেগম', 'Mst. Rokeya Begum'])
    // Any part of the name still matches as typed.
    expect(await search('rahim')).toEqual(['Ibrahim Khalil', 'রহিমা খাতুন', 'Rahima Khatun'])
  })

  it(`the index finds exactly what the sound keys promise, for each of ${NAME_PAIRS.length} pairs, across hospitals and within one`, async () => {
    const ids = new Map<string, number>()
    for (const [latin, bangla] of NAME_PAIRS) {
      for (const name of [latin, bangla]) if (!ids.has(name)) ids.set(name, await register(name))
    }
    const found = (text: string, scope: number | null) =>
      new Set(
        nameMatches(text, scope).flatMap(
          (m) =>
            desk.db
              .prepare('SELECT rowid FROM bookings_name_fts WHERE bookings_name_fts MATCH ?')
              .pluck()
              .all(m) as number[],
        ),
      )
    const elsewhere = addHospital(desk, { name: 'Khulna General' })
    let checked = 0
    for (const [latin, bangla] of NAME_PAIRS) {
      for (const [typed, name] of [
        [latin, bangla],
        [bangla, latin],
      ] as const) {
        const expected = finds(typed, name) || name.toLowerCase().includes(typed.toLowerCase())
        expect(found(typed, null).has(ids.get(name)!), `${typed} → ${name}`).toBe(expected)
        expect(found(typed, hospitalId).has(ids.get(name)!), `${typed} → ${name} in its hospital`).toBe(
          expected,
        )
        expect(found(typed, elsewhere).has(ids.get(name)!), `${typed} → ${name} in another hospital`).toBe(
          false,
        )
        checked++
      }
    }
    expect(checked).toBe(NAME_PAIRS.length * 2)
  })

  it('a renamed or removed booking leaves the sound index in step', async () => {
    const id = await register('Rahima Khatun')
    desk.db.prepare('UPDATE bookings SET patientName = ? WHERE id = ?').run('Nasrin Akter', id)
    expect(await search('রহিমা')).toEqual([])
    expect(await search('নাসরিন')).toEqual(['Nasrin Akter'])
    desk.db.prepare(`INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('integrity-check')`).run()
  })
})
