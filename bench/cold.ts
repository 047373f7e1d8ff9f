/**
 * One cold start, for bench/run.ts: in a fresh process, open the database and show the first queue
 * page, printing the milliseconds it took. `desk` goes through openDesk (pragmas, migration check)
 * and the bookings service (with a key file as a fourth argument: an encrypted file); `raw` opens
 * with bare better-sqlite3 and runs the same query.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { openDesk } from '../src/main/app'
import { readKeyFile } from '../src/main/db/key'
import { listBookings, QUEUE_ORDER_SQL } from '../src/main/services/bookings'

const [mode, dbPath, hospitalText, keyFile] = process.argv.slice(2) as [
  'desk' | 'raw',
  string,
  string,
  string | undefined,
]
const hospitalId = Number(hospitalText)
const t = process.hrtime.bigint()
if (mode === 'desk') {
  // An encrypted file: its key file is read as serve and the CLI read it, inside the timing.
  const desk = openDesk({ dbPath, key: keyFile ? readKeyFile(keyFile) : null })
  const actor = desk.db
    .prepare(
      `SELECT id, name, email, role, hospitalId FROM users WHERE role = 'hospital-authority' AND hospitalId = ? LIMIT 1`,
    )
    .get(hospitalId) as {
    id: number
    name: string
    email: string
    role: 'hospital-authority'
    hospitalId: number
  }
  const page = listBookings(
    {
      db: desk.db,
      now: () => new Date(),
      client: { workstation: 'bench', userAgent: 'bench' },
      app: desk.app,
      actor,
    },
    { status: 'pending', limit: 50, offset: 0 },
  )
  if (page.items.length === 0) throw new Error('empty queue')
} else {
  const db = new Database(dbPath)
  db.pragma('journal_mode = WAL')
  const rows = db
    .prepare(
      `SELECT * FROM bookings WHERE hospitalId = ? AND status = 'pending' ORDER BY ${QUEUE_ORDER_SQL} LIMIT 50`,
    )
    .all(hospitalId)
  db.prepare(`SELECT COUNT(*) FROM bookings WHERE hospitalId = ? AND status = 'pending'`).get(hospitalId)
  if (rows.length === 0) throw new Error('empty queue')
}
console.log((Number(process.hrtime.bigint() - t) / 1e6).toFixed(2))
