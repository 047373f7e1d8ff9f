/**
 * One contender in the refund race (payments.test.ts): its own process and its own connection to
 * the same database file. It waits for the start file, refunds, and prints the outcome as JSON.
 * Usage: node --import tsx test/refundRace.worker.ts DB PAYMENT_ID AMOUNT ACTOR_ID START_FILE
 */
import fs from 'node:fs'
import { openDatabase } from '../src/main/db/open'
import type { Actor } from '../src/main/services/context'
import { refundPayment } from '../src/main/services/payments'
import { DeskError } from '../src/shared/errors'

const [dbPath, paymentId, amount, actorId, startFile] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
]
const db = openDatabase(dbPath)
const actor = db
  .prepare('SELECT id, name, email, role, hospitalId FROM users WHERE id = ?')
  .get(Number(actorId)) as Actor
process.stdout.write('ready\n')
while (!fs.existsSync(startFile)) {
  // Spin: the contenders should reach BEGIN IMMEDIATE as close together as the OS lets them.
}
let outcome: { ok: boolean; code?: string }
try {
  refundPayment(
    {
      db,
      now: () => new Date(),
      client: { workstation: `race-${process.pid}`, userAgent: 'refund-race' },
      app: { appName: 'RapidCare Desk', appVersion: 'test', databasePath: dbPath },
      actor,
    },
    { id: Number(paymentId), amount: Number(amount), reason: `race ${process.pid}` },
  )
  outcome = { ok: true }
} catch (err) {
  outcome = { ok: false, code: err instanceof DeskError ? err.code : String(err) }
}
db.close()
process.stdout.write(JSON.stringify(outcome) + '\n')
