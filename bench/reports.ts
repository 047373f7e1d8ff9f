/**
 * The reports' part of the benchmark: the daily census of one hospital-day (target p95 < 50 ms) and
 * 90 days of daily occupancy of one resource (target p95 < 100 ms), through the dispatcher, each
 * beside a baseline of the bare SQL that reads its source rows.
 *
 * The demo data set's bookings carry their status history but only one resource audit row each
 * resource (it loads bookings in bulk), so for the occupancy this makes a hospital with 90 days of
 * real traffic through the services, clock set to each moment: about 40 admissions a day, each
 * approved, admitted and discharged after one to five days, some declined or cancelled. Every count
 * change is an audit row, as on a working desk.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { addDays, addHours, addMinutes, format, subDays } from 'date-fns'
import type { DeskCore } from '../src/main/app'
import { dayEventsSql } from '../src/main/services/census'
import {
  admitBooking,
  approveBooking,
  cancelBooking,
  createBooking,
  declineBooking,
  dischargeBooking,
} from '../src/main/services/bookings'
import type { Actor, ActorContext } from '../src/main/services/context'
import { approveHospital, createHospital } from '../src/main/services/hospitals'
import { applyResourceChange } from '../src/main/services/resourceLedger'
import { rng } from '../src/main/services/demo'

export interface Timing {
  p50: number
  p95: number
}

export interface ReportRow {
  name: string
  target: string
  service: Timing
  baseline: Timing
  pass: boolean
}

const DAYS = 90

/** A hospital with 90 days of traffic; returns it and one of its authorities (to sign in as). */
export function makeTraffic(
  desk: DeskCore,
  admin: Actor,
  addUser: (
    role: 'user' | 'hospital-authority',
    name: string,
    hospitalId: number | null,
  ) => { id: number; email: string },
): { hospitalId: number; authorityEmail: string; bookings: number; seconds: number } {
  const started = Date.now()
  const r = rng(16)
  let clock = subDays(new Date(), DAYS + 1)
  const base = {
    db: desk.db,
    now: () => clock,
    client: { workstation: 'bench', userAgent: 'bench' },
    app: desk.app,
  }
  const asAdmin: ActorContext = { ...base, actor: admin }
  const hospitalId = createHospital(asAdmin, {
    name: `Bench Census Hospital ${Date.now()}`,
    address: 'Bench Road',
    phone: '+8801700000000',
  }).id
  approveHospital(asAdmin, hospitalId)
  desk.db
    .transaction(() =>
      applyResourceChange(asAdmin, {
        hospitalId,
        resourceType: 'beds',
        action: 'update',
        next: { total: 400, available: 390, occupied: 0, reserved: 0, maintenance: 10 },
        reason: 'Benchmark capacity',
      }),
    )
    .immediate()
  const deskUser = addUser('user', 'Bench Census Desk', hospitalId)
  const authority = addUser('hospital-authority', 'Bench Census Authority', hospitalId)
  const asDesk: ActorContext = {
    ...base,
    actor: { id: deskUser.id, name: 'Bench Census Desk', email: deskUser.email, role: 'user', hospitalId },
  }
  const asAuthority: ActorContext = {
    ...base,
    actor: {
      id: authority.id,
      name: 'Bench Census Authority',
      email: authority.email,
      role: 'hospital-authority',
      hospitalId,
    },
  }
  // Every step of every booking, in time order.
  type Step = { at: Date; run: () => void }
  const steps: Step[] = []
  const start = subDays(new Date(), DAYS)
  let bookings = 0
  for (let d = 0; d < DAYS; d++) {
    for (let k = 0; k < 40; k++) {
      const created = addMinutes(addDays(start, d), Math.floor(r() * 24 * 60))
      const fate = r()
      const approvedAt = addMinutes(created, 5 + Math.floor(r() * 180))
      const admittedAt = addMinutes(approvedAt, 30 + Math.floor(r() * 240))
      const dischargedAt = addHours(admittedAt, 24 + Math.floor(r() * 96))
      let id = 0
      bookings++
      steps.push({
        at: created,
        run: () =>
          (id = createBooking(asDesk, {
            hospitalId,
            resourceType: 'beds',
            patientName: 'Nusrat Jahan Chowdhury',
            patientAge: 40,
            patientGender: 'female',
            medicalCondition: 'Dengue fever',
            urgency: 'high',
            emergencyContactName: 'Fatema Begum',
            emergencyContactPhone: '01711223344',
            emergencyContactRelationship: 'Sister',
            scheduledDate: addHours(created, 2).toISOString(),
            estimatedDuration: 48,
          }).id),
      })
      if (fate < 0.08) {
        steps.push({
          at: approvedAt,
          run: () => declineBooking(asAuthority, { id, declineReason: 'No bed' }),
        })
        continue
      }
      steps.push({ at: approvedAt, run: () => approveBooking(asAuthority, { id }) })
      if (fate < 0.14) {
        steps.push({ at: admittedAt, run: () => cancelBooking(asDesk, { id, reason: 'Went elsewhere' }) })
        continue
      }
      steps.push({ at: admittedAt, run: () => admitBooking(asDesk, { id }) })
      if (dischargedAt < new Date())
        steps.push({ at: dischargedAt, run: () => dischargeBooking(asAuthority, { id }) })
    }
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime())
  for (const s of steps) {
    clock = s.at
    s.run()
  }
  return { hospitalId, authorityEmail: authority.email, bookings, seconds: (Date.now() - started) / 1000 }
}

export async function benchReports(options: {
  call: DeskCore['dispatcher']['call']
  raw: Database.Database
  time: (samples: number, fn: (i: number) => Promise<unknown> | unknown) => Promise<Timing>
  ok: <T>(p: ReturnType<DeskCore['dispatcher']['call']>) => Promise<T>
  samples: number
  /** The demo's busiest kind of hospital-day, and the made one's. */
  hospitals: { id: number; token: string; label: string }[]
  traffic: { hospitalId: number; token: string }
}): Promise<ReportRow[]> {
  const { call, raw, time, ok, samples, hospitals, traffic } = options
  const rows: ReportRow[] = []
  const days = Array.from({ length: DAYS }, (_, i) => format(subDays(new Date(), i), 'yyyy-MM-dd'))
  const day = (i: number) => days[i % days.length]!
  const dayBounds = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number]
    return [new Date(y, m - 1, d).toISOString(), new Date(y, m - 1, d + 1).toISOString()]
  }
  const eventsSql = raw.prepare(dayEventsSql(true))
  for (const h of hospitals) {
    rows.push({
      name: `Census, one hospital-day (${h.label})`,
      target: '< 50 ms',
      service: await time(samples, (i) =>
        ok(call('reports.census', { hospitalId: h.id, date: day(i) }, h.token)),
      ),
      baseline: await time(samples, (i) => eventsSql.all(...dayBounds(day(i)), h.id)),
      pass: false,
    })
  }
  const auditSql = raw.prepare(
    `SELECT createdAt, newValues FROM resource_audit_log
      WHERE hospitalId = ? AND resourceType = 'beds' AND createdAt >= ? AND createdAt < ? ORDER BY createdAt, id`,
  )
  const from = days[days.length - 1]!
  const to = days[0]!
  rows.push({
    name: `Occupancy, ${DAYS} days daily (one resource)`,
    target: '< 100 ms',
    service: await time(samples, () =>
      ok(
        call(
          'reports.occupancy',
          { hospitalId: traffic.hospitalId, resourceType: 'beds', from, to, bucket: 'day' },
          traffic.token,
        ),
      ),
    ),
    baseline: await time(samples, () =>
      auditSql.all(traffic.hospitalId, dayBounds(from)[0], dayBounds(to)[1]),
    ),
    pass: false,
  })
  for (const row of rows) row.pass = row.service.p95 < (row.target === '< 50 ms' ? 50 : 100)
  return rows
}
