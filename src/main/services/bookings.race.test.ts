import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { addHospital, addStaff, bookingInput, counts, resourceCounts } from '../../../test/bookingFixtures'

let desk: TestDesk
interface Result {
  won: number[]
  refused: Record<string, string>
  references: string[]
}
afterEach(() => desk?.close())

function worker(args: string[]): { done: Promise<Result> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'bookings.race.worker.ts'), ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const done = new Promise<Result>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}: ${err}`)),
    ),
  )
  return { done }
}

it('two processes approving against the last bed of the same file: exactly one wins, every time', async () => {
  const clock = new Date()
  desk = makeDesk()
  await desk.adminToken()
  const frontDesk = await addStaff(desk, 'user')
  const admin = desk.db.prepare(`SELECT id FROM users WHERE role = 'admin'`).pluck().get() as number
  const ROUNDS = 25
  const hospitals: number[] = []
  const mine: number[] = []
  const theirs: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const h = addHospital(desk, { name: `Hospital ${i}`, beds: counts(1) })
    hospitals.push(h)
    mine.push((await desk.call('bookings.create', bookingInput(h, clock), frontDesk.token)).id)
    theirs.push((await desk.call('bookings.create', bookingInput(h, clock), frontDesk.token)).id)
  }
  const a = worker([desk.dbPath, desk.dir, 'a', 'b', String(admin), `approve:${mine.join(',')}`])
  const b = worker([desk.dbPath, desk.dir, 'b', 'a', String(admin), `approve:${theirs.join(',')}`])
  const [ra, rb] = await Promise.all([a.done, b.done])

  for (let i = 0; i < ROUNDS; i++) {
    const winners = [ra.won.includes(mine[i]!), rb.won.includes(theirs[i]!)].filter(Boolean)
    expect(winners).toHaveLength(1)
    const loser = ra.won.includes(mine[i]!) ? rb.refused[theirs[i]!] : ra.refused[mine[i]!]
    expect(loser).toBe('CONFLICT')
    expect(resourceCounts(desk, hospitals[i]!)).toEqual(counts(1, { reserved: 1 }))
  }
  const approved = desk.db.prepare(`SELECT COUNT(*) FROM bookings WHERE status = 'approved'`).pluck().get()
  expect(approved).toBe(ROUNDS)
  const allocations = desk.db
    .prepare(`SELECT COUNT(*) FROM resource_audit_log WHERE action = 'allocate'`)
    .pluck()
    .get()
  expect(allocations).toBe(ROUNDS)
  // Who wins each round is the race's to decide; that each round had exactly one winner is ours.
  expect(ra.won.length + rb.won.length).toBe(ROUNDS)
}, 60_000)

it('two processes registering bookings at once: every reference is unique, and they run without a gap', async () => {
  desk = makeDesk()
  await desk.adminToken()
  const frontDesk = await addStaff(desk, 'user')
  const h = addHospital(desk)
  const ROUNDS = 30
  const a = worker([desk.dbPath, desk.dir, 'a', 'b', String(frontDesk.id), `create:${h}:${ROUNDS}`])
  const b = worker([desk.dbPath, desk.dir, 'b', 'a', String(frontDesk.id), `create:${h}:${ROUNDS}`])
  const [ra, rb] = await Promise.all([a.done, b.done])
  const all = [...ra.references, ...rb.references].sort()
  expect(new Set(all).size).toBe(2 * ROUNDS)
  const year = new Date().getFullYear()
  expect(all).toEqual(
    Array.from({ length: 2 * ROUNDS }, (_, i) => `RC-${year}-${String(i + 1).padStart(6, '0')}`),
  )
  expect(
    desk.db.prepare(`SELECT COUNT(*) FROM booking_status_history WHERE oldStatus IS NULL`).pluck().get(),
  ).toBe(2 * ROUNDS)
}, 60_000)
