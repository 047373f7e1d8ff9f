/**
 * One writer of the two-process races (bookings.race.test.ts): opens the same database file as the
 * other and, round by round, meeting the other at a barrier first, either tries to approve its
 * booking at that round's hospital, where one bed is left (`approve:ID,ID,…`), or registers a
 * booking (`create:HOSPITAL:ROUNDS`). Prints one JSON line: what it won, what was refused and why,
 * and the references it was given.
 */
import fs from 'node:fs'
import path from 'node:path'
import { openDesk } from '../app'
import { DeskError } from '../../shared/errors'
import { approveBooking, createBooking } from './bookings'
import type { ActorContext } from './context'

const [dbPath, barrierDir, me, other, actorId, job] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
]
const desk = openDesk({ dbPath })
const actor = desk.db
  .prepare('SELECT id, name, email, role, hospitalId FROM users WHERE id = ?')
  .get(Number(actorId))
const ctx = {
  db: desk.db,
  now: () => new Date(),
  client: { workstation: `race-${process.pid}`, userAgent: 'race-worker' },
  app: desk.app,
  actor,
} as ActorContext

/** Meet the other writer before each round, so both ask for the same last bed at the same moment. */
function barrier(round: number): void {
  fs.writeFileSync(path.join(barrierDir, `${me}-${round}`), '')
  const theirs = path.join(barrierDir, `${other}-${round}`)
  while (!fs.existsSync(theirs)) {
    // Spin: a sleep would let one writer start milliseconds after the other.
  }
}

const won: number[] = []
const refused: Record<string, string> = {}
const references: string[] = []
const [kind, ...rest] = job.split(':') as [string, ...string[]]
if (kind === 'approve') {
  for (const [round, id] of rest[0]!.split(',').map(Number).entries()) {
    barrier(round)
    try {
      approveBooking(ctx, { id })
      won.push(id)
    } catch (err) {
      refused[id] = err instanceof DeskError ? err.code : String(err)
    }
  }
} else {
  const [hospitalId, rounds] = rest.map(Number) as [number, number]
  for (let round = 0; round < rounds; round++) {
    barrier(round)
    const b = createBooking(ctx, {
      hospitalId,
      resourceType: 'beds',
      patientName: `Patient ${me}${round}`,
      patientAge: 40,
      patientGender: 'female',
      medicalCondition: 'Fever',
      urgency: 'medium',
      emergencyContactName: 'Contact',
      emergencyContactPhone: '01711000000',
      emergencyContactRelationship: 'Sister',
      scheduledDate: new Date(Date.now() + 3600_000).toISOString(),
      estimatedDuration: 24,
    })
    references.push(b.bookingReference)
  }
}
desk.close()
console.log(JSON.stringify({ won, refused, references }))
