/**
 * One writer of the two-process race (bookings.race.test.ts): opens the same database file as the
 * other, and round by round, meeting the other at a barrier first, tries to approve its booking
 * at that round's hospital, where one bed is left. Prints one JSON line: which approvals it won and which were refused, with the code.
 */
import fs from 'node:fs'
import path from 'node:path'
import { openDesk } from '../app'
import { DeskError } from '../../shared/errors'
import { approveBooking } from './bookings'
import type { ActorContext } from './context'

const [dbPath, barrierDir, me, other, actorId, idsText] = process.argv.slice(2) as [
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
for (const [round, id] of idsText.split(',').map(Number).entries()) {
  barrier(round)
  try {
    approveBooking(ctx, { id })
    won.push(id)
  } catch (err) {
    refused[id] = err instanceof DeskError ? err.code : String(err)
  }
}
desk.close()
console.log(JSON.stringify({ won, refused }))
