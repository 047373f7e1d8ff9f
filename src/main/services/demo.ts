/**
 * A realistic demo data set: 50 hospitals (most approved) with their resources, an authority and
 * front-desk staff for each, and N bookings across every status, with Bangla and English names.
 * Bookings are written in big transactions through prepared statements, with the history and
 * notification rows each would have had, so a million of them take about a minute, not hours.
 * Hospitals and their counts go through the hospitals service and the resource ledger, as at a desk.
 */
import crypto from 'node:crypto'
import { RESOURCE_LABEL, type BookingStatus } from '../../shared/contract/bookings'
import type { NotificationType } from '../../shared/contract/notifications'
import { DeskError } from '../../shared/errors'
import { RESOURCE_TYPES, URGENCIES, type ResourceType } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import type { Actor, ActorContext, ServiceContext } from './context'
import { approveHospital, createHospital, suspendHospital } from './hospitals'
import { hashPasswordSync } from './passwords'
import { applyResourceChange, getResource } from './resourceLedger'
import { setPrice } from './pricing'
import { subDays } from 'date-fns'

export const DEMO_DOMAIN = 'demo.rapidcare.test'
const HOSPITALS = 50
const BATCH = 20_000

/** A small seeded generator (mulberry32): the same seed makes the same data set. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CITIES = [
  'Dhaka',
  'Chattogram',
  'Sylhet',
  'Rajshahi',
  'Khulna',
  'Barishal',
  'Rangpur',
  'Mymensingh',
  'Cumilla',
  'Gazipur',
  'Narayanganj',
  'Bogura',
  'Jessore',
  'Dinajpur',
  'Tangail',
  'Faridpur',
  'Noakhali',
  'Pabna',
  'Kushtia',
  "Cox's Bazar",
  'Feni',
  'Brahmanbaria',
  'Jamalpur',
  'Sirajganj',
  'Chandpur',
]
const KINDS = ['General Hospital', 'Medical College Hospital']

const MALE_EN = [
  'Mohammad',
  'Abdul',
  'Rahim',
  'Karim',
  'Tanvir',
  'Rafiq',
  'Jamal',
  'Habib',
  'Imran',
  'Sumon',
  'Arif',
  'Kamal',
  'Shakil',
  'Mahmud',
  'Anwar',
  'Delwar',
  'Sajid',
  'Nazmul',
  'Rashed',
  'Faisal',
  'Mizanur',
  'Shahidul',
  'Abu Bakar',
  'Sabbir',
  'Tariq',
]
const FEMALE_EN = [
  'Fatema',
  'Nusrat',
  'Ayesha',
  'Sadia',
  'Shirin',
  'Nasrin',
  'Farhana',
  'Rina',
  'Mitu',
  'Sabina',
  'Rubina',
  'Selina',
  'Jahanara',
  'Taslima',
  'Sharmin',
  'Tahmina',
  'Rokeya',
  'Sumaiya',
  'Laila',
  'Nadia',
  'Mahmuda',
  'Parvin',
  'Shahana',
  'Afroza',
  'Sultana',
]
const LAST_EN = [
  'Rahman',
  'Hossain',
  'Ahmed',
  'Islam',
  'Uddin',
  'Chowdhury',
  'Sarkar',
  'Miah',
  'Talukder',
  'Bhuiyan',
  'Sheikh',
  'Khan',
  'Das',
  'Roy',
  'Saha',
  'Paul',
  'Haque',
  'Alam',
  'Karim',
  'Siddique',
  'Mollah',
  'Mondal',
  'Biswas',
  'Akand',
  'Howlader',
]
const FEMALE_LAST_EN = ['Begum', 'Khatun', 'Akter', 'Jahan', 'Sultana']
const MALE_BN = [
  'মোহাম্মদ',
  'আবদুল',
  'রহিম',
  'করিম',
  'তানভীর',
  'রফিক',
  'জামাল',
  'হাবিব',
  'ইমরান',
  'সুমন',
  'আরিফ',
  'কামাল',
  'শাকিল',
  'মাহমুদ',
  'আনোয়ার',
  'নজরুল',
  'সাব্বির',
  'রাশেদ',
  'ফয়সাল',
  'মিজানুর',
]
const FEMALE_BN = [
  'ফাতেমা',
  'নুসরাত',
  'আয়েশা',
  'সাদিয়া',
  'শিরিন',
  'নাসরিন',
  'ফারহানা',
  'রিনা',
  'মিতু',
  'সাবিনা',
  'রুবিনা',
  'সেলিনা',
  'জাহানারা',
  'তাসলিমা',
  'শারমিন',
  'তাহমিনা',
  'রোকেয়া',
  'সুমাইয়া',
  'লায়লা',
  'নাদিয়া',
]
const LAST_BN = [
  'রহমান',
  'হোসেন',
  'আহমেদ',
  'ইসলাম',
  'উদ্দিন',
  'চৌধুরী',
  'সরকার',
  'মিয়া',
  'তালুকদার',
  'ভূঁইয়া',
  'শেখ',
  'খান',
  'দাস',
  'রায়',
  'সাহা',
  'পাল',
  'হক',
  'আলম',
]
const FEMALE_LAST_BN = ['বেগম', 'খাতুন', 'আক্তার', 'জাহান', 'সুলতানা']
const RELATIONSHIPS = [
  'Son',
  'Daughter',
  'Wife',
  'Husband',
  'Mother',
  'Father',
  'Brother',
  'Sister',
  'Neighbour',
  'Uncle',
]
const CONDITIONS: Record<ResourceType, string[]> = {
  beds: [
    'Dengue fever, platelets falling',
    'Typhoid',
    'Pneumonia',
    'Fractured femur after a road accident',
    'Diabetic foot ulcer',
    'Severe dehydration (cholera)',
    'Post-partum care',
    'Asthma attack',
    'Hepatitis E',
    'Kidney stones',
  ],
  icu: [
    'Stroke, left side weak',
    'Myocardial infarction',
    'Respiratory failure',
    'Septic shock',
    'Head injury, unconscious',
    'Severe burns (30%)',
    'Snake bite, neurotoxic',
    'Diabetic ketoacidosis',
  ],
  operationTheatres: [
    'Appendectomy',
    'Caesarean section',
    'Hernia repair',
    'Cholecystectomy',
    'Open fracture fixation',
    'Cataract surgery',
    'Tonsillectomy',
    'Hip replacement',
  ],
}

export interface DemoResult {
  hospitals: number
  approvedHospitals: number
  staff: number
  bookings: number
  byStatus: Record<BookingStatus, number>
  adminEmail: string | null
  password: string
  seconds: number
}

export interface DemoOptions {
  bookings: number
  /** The password of every demo account; a random one when not given (printed once). */
  password?: string
  seed?: number
  /** Progress, for the CLI. */
  onProgress?: (done: number, total: number) => void
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!
}

export function demoName(r: () => number): { name: string; gender: 'male' | 'female' | 'other' } {
  const bangla = r() < 0.4
  const female = r() < 0.48
  const gender = r() < 0.01 ? 'other' : female ? 'female' : 'male'
  if (bangla) {
    const first = pick(r, female ? FEMALE_BN : MALE_BN)
    const last = female && r() < 0.5 ? pick(r, FEMALE_LAST_BN) : pick(r, LAST_BN)
    const middle = r() < 0.3 ? ` ${pick(r, female ? FEMALE_BN : MALE_BN)}` : ''
    return { name: `${first}${middle} ${last}`, gender }
  }
  const first = pick(r, female ? FEMALE_EN : MALE_EN)
  const last = female && r() < 0.5 ? pick(r, FEMALE_LAST_EN) : pick(r, LAST_EN)
  const middle = r() < 0.3 ? ` ${pick(r, female ? FEMALE_EN : MALE_EN)}` : ''
  return { name: `${first}${middle} ${last}`, gender }
}

/** A Bangladeshi mobile number in the stored form, E.164 (+8801XNNNNNNNN). */
function demoPhone(r: () => number): string {
  return `+8801${3 + Math.floor(r() * 7)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`
}

interface Staff {
  authority: Actor
  desks: Actor[]
}

const NOTIFY: Record<BookingStatus, { type: NotificationType; title: string; past: string }> = {
  pending: { type: 'booking_submitted', title: 'Booking submitted', past: 'submitted' },
  approved: { type: 'booking_approved', title: 'Booking approved', past: 'approved' },
  admitted: { type: 'booking_admitted', title: 'Patient admitted', past: 'admitted' },
  completed: { type: 'booking_completed', title: 'Patient discharged', past: 'discharged' },
  declined: { type: 'booking_declined', title: 'Booking declined', past: 'declined' },
  cancelled: { type: 'booking_cancelled', title: 'Booking cancelled', past: 'cancelled' },
}

/** The path each final status took from pending. */
const PATH: Record<BookingStatus, BookingStatus[]> = {
  pending: ['pending'],
  approved: ['pending', 'approved'],
  admitted: ['pending', 'approved', 'admitted'],
  completed: ['pending', 'approved', 'admitted', 'completed'],
  declined: ['pending', 'declined'],
  cancelled: ['pending', 'cancelled'],
}

export function makeDemo(base: ServiceContext, options: DemoOptions): DemoResult {
  const started = Date.now()
  const { db } = base
  const n = options.bookings
  if (!Number.isInteger(n) || n < 0 || n > 5_000_000) {
    throw DeskError.field('bookings', 'must be a whole number from 0 to 5,000,000')
  }
  const exists = db.prepare('SELECT 1 FROM users WHERE email LIKE ? LIMIT 1').get(`%@${DEMO_DOMAIN}`)
  if (exists) throw new DeskError('CONFLICT', 'This database already holds the demo data set.')
  const r = rng(options.seed ?? 20260101)
  const password = options.password ?? crypto.randomBytes(9).toString('base64url') + '7'
  const hash = hashPasswordSync(password)
  const now = base.now()
  const nowIso = now.toISOString()

  // The administrator the demo acts as: the desk's own, or a demo one when there is none yet.
  let adminEmail: string | null = null
  let adminRow = db
    .prepare(`SELECT id, name, email, role, hospitalId FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`)
    .get() as Actor | undefined
  const insertUser = db.prepare(
    `INSERT INTO users (name, email, password, phone, role, hospitalId, status, emailVerified, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, 'active', 1, ?, ?)`,
  )
  if (!adminRow) {
    adminEmail = `admin@${DEMO_DOMAIN}`
    const id = Number(
      insertUser.run('Ayesha Rahman', adminEmail, hash, '01711000000', 'admin', null, nowIso, nowIso)
        .lastInsertRowid,
    )
    adminRow = { id, name: 'Ayesha Rahman', email: adminEmail, role: 'admin', hospitalId: null }
  }
  const ctx: ActorContext = { ...base, actor: adminRow }

  // Hospitals, their resources and staff.
  const hospitalIds: number[] = []
  const approved: number[] = []
  const staff = new Map<number, Staff>()
  const capacity = new Map<string, number>()
  let staffCount = 0
  for (let i = 0; i < HOSPITALS; i++) {
    const city = CITIES[i % CITIES.length]!
    const name = `${city} ${KINDS[Math.floor(i / CITIES.length) % KINDS.length]}`
    const h = createHospital(ctx, {
      name,
      address: `${1 + Math.floor(r() * 200)} Hospital Road, ${city}`,
      phone: `+8802${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      email: `info@${city.toLowerCase().replace(/[^a-z]/g, '')}${i}.${DEMO_DOMAIN}`,
      specialties: ['Medicine', 'Surgery', 'Paediatrics', 'Obstetrics'].slice(0, 2 + (i % 3)),
      facilities: ['Emergency', 'Pharmacy', 'Laboratory'],
    })
    hospitalIds.push(h.id)
    // Most are approved; one waits for approval and one is suspended, as in life.
    if (i === HOSPITALS - 1) continue
    approveHospital(ctx, h.id)
    if (i === HOSPITALS - 2) {
      suspendHospital(ctx, h.id)
      continue
    }
    approved.push(h.id)
    const tag = String(i + 1).padStart(2, '0')
    writeTx(db, () => {
      const authName = `Dr. ${pick(r, [...MALE_EN, ...FEMALE_EN])} ${pick(r, LAST_EN)}`
      const authId = Number(
        insertUser.run(
          authName,
          `authority.h${tag}@${DEMO_DOMAIN}`,
          hash,
          demoPhone(r),
          'hospital-authority',
          h.id,
          nowIso,
          nowIso,
        ).lastInsertRowid,
      )
      const desks: Actor[] = []
      for (let d = 1; d <= 2; d++) {
        const deskName = demoName(r).name
        const email = `desk${d}.h${tag}@${DEMO_DOMAIN}`
        const id = Number(
          insertUser.run(deskName, email, hash, demoPhone(r), 'user', h.id, nowIso, nowIso).lastInsertRowid,
        )
        desks.push({ id, name: deskName, email, role: 'user', hospitalId: h.id })
      }
      staff.set(h.id, {
        authority: { id: authId, name: authName, email: '', role: 'hospital-authority', hospitalId: h.id },
        desks,
      })
      staffCount += 3
    })
  }
  // Prices in effect since a year ago, so quotes and bills work from the first booking.
  const priceFrom = subDays(now, 365).toISOString()
  const PRICES: Record<ResourceType, { basePrice: number; pricePerHour?: number; pricePerDay?: number }> = {
    beds: { basePrice: 50_000, pricePerDay: 150_000 },
    icu: { basePrice: 200_000, pricePerHour: 60_000, pricePerDay: 1_200_000 },
    operationTheatres: { basePrice: 500_000, pricePerHour: 300_000 },
  }
  for (const id of approved) {
    const scale = 80 + Math.floor(r() * 60) // hospitals charge 80–140% of the list price
    for (const type of RESOURCE_TYPES) {
      const p = PRICES[type]
      const at = (v: number | undefined) =>
        v === undefined ? undefined : Math.round((v * scale) / 10_000) * 100
      setPrice(ctx, {
        hospitalId: id,
        resourceType: type,
        basePrice: at(p.basePrice)!,
        pricePerHour: at(p.pricePerHour),
        pricePerDay: at(p.pricePerDay),
        emergencyMultiplier: 150,
        effectiveFrom: priceFrom,
      })
    }
  }

  const roaming: Actor[] = []
  writeTx(db, () => {
    for (let d = 1; d <= 5; d++) {
      const email = `desk${d}@${DEMO_DOMAIN}`
      const deskName = demoName(r).name
      const id = Number(
        insertUser.run(deskName, email, hash, demoPhone(r), 'user', null, nowIso, nowIso).lastInsertRowid,
      )
      roaming.push({ id, name: deskName, email, role: 'user', hospitalId: null })
      staffCount++
    }
  })
  for (const id of hospitalIds) {
    const beds = 80 + Math.floor(r() * 320)
    const icu = 8 + Math.floor(r() * 32)
    const ot = 4 + Math.floor(r() * 8)
    const totals: Record<ResourceType, number> = { beds, icu, operationTheatres: ot }
    writeTx(db, () => {
      for (const type of RESOURCE_TYPES) {
        const total = totals[type]
        const maintenance = Math.floor(total * 0.05 * r())
        applyResourceChange(ctx, {
          hospitalId: id,
          resourceType: type,
          action: 'update',
          next: { total, available: total - maintenance, occupied: 0, reserved: 0, maintenance },
          reason: 'Demo data: capacity',
        })
        // Live bookings may reserve or occupy at most 80% of what is in service.
        capacity.set(`${id}:${type}`, Math.floor((total - maintenance) * 0.8))
      }
    })
  }

  // Bookings, oldest first so ids and references follow time. The newest few percent are still in
  // play (pending, approved, admitted); the rest are finished (completed, declined, cancelled).
  const live = Math.min(n, Math.max(Math.round(n * 0.035), 300))
  const finished = n - live
  const start = now.getTime() - 3 * 365 * 24 * 3600_000
  const liveStart = now.getTime() - 4 * 24 * 3600_000
  const held = new Map<string, number>()
  const byStatus: Record<BookingStatus, number> = {
    pending: 0,
    approved: 0,
    admitted: 0,
    declined: 0,
    cancelled: 0,
    completed: 0,
  }
  const counters = new Map<number, number>()
  const maxRef = db
    .prepare(
      `SELECT max(bookingReference) FROM bookings WHERE bookingReference >= ? AND bookingReference <= ?`,
    )
    .pluck()

  const insertBooking = db.prepare(
    `INSERT INTO bookings (userId, hospitalId, resourceType, patientName, patientAge, patientGender, medicalCondition,
       urgency, emergencyContactName, emergencyContactPhone, emergencyContactRelationship, scheduledDate,
       estimatedDuration, status, approvedBy, approvedAt, authorityNotes, declineReason, bookingReference, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertHistory = db.prepare(
    `INSERT INTO booking_status_history (bookingId, oldStatus, newStatus, changedBy, reason, notes, changedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertNotification = db.prepare(
    `INSERT INTO booking_notifications (userId, bookingId, type, title, message, isRead, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const hospitalNames = new Map(
    (db.prepare('SELECT id, name FROM hospitals').all() as { id: number; name: string }[]).map((h) => [
      h.id,
      h.name,
    ]),
  )

  const previousSync = db.pragma('synchronous', { simple: true })
  // NORMAL while loading: in WAL mode a power cut can lose the last batches, never corrupt the file.
  db.pragma('synchronous = NORMAL')
  try {
    for (let from = 0; from < n; from += BATCH) {
      const to = Math.min(n, from + BATCH)
      writeTx(db, () => {
        for (let i = from; i < to; i++) {
          const isLive = i >= finished
          const createdMs = isLive
            ? liveStart + ((i - finished + r()) / Math.max(1, live)) * (now.getTime() - liveStart)
            : start + ((i + r()) / Math.max(1, finished)) * (liveStart - start)
          const hospitalId = pick(r, approved)
          const type: ResourceType = r() < 0.75 ? 'beds' : r() < 0.7 ? 'icu' : 'operationTheatres'
          const key = `${hospitalId}:${type}`
          let status: BookingStatus
          const roll = r()
          if (isLive) {
            const want: BookingStatus = roll < 0.7 ? 'pending' : roll < 0.82 ? 'approved' : 'admitted'
            if (want !== 'pending' && (held.get(key) ?? 0) < capacity.get(key)!) {
              status = want
              held.set(key, (held.get(key) ?? 0) + 1)
            } else status = 'pending'
          } else status = roll < 0.72 ? 'completed' : roll < 0.82 ? 'declined' : 'cancelled'
          byStatus[status]++
          const created = new Date(createdMs)
          const year = created.getFullYear()
          let seq = counters.get(year)
          if (seq === undefined) {
            const last = maxRef.get(`RC-${year}-000000`, `RC-${year}-999999`) as string | null
            seq = last ? Number(last.slice(8)) : 0
          }
          seq++
          counters.set(year, seq)
          const reference = `RC-${year}-${String(seq).padStart(6, '0')}`
          const scheduled =
            status === 'pending' || status === 'approved'
              ? new Date(Math.max(createdMs, now.getTime() - 20 * 3600_000) + r() * 10 * 24 * 3600_000)
              : new Date(createdMs + r() * 48 * 3600_000)
          const s = staff.get(hospitalId)!
          const creator = r() < 0.85 ? pick(r, s.desks) : pick(r, roaming)
          const patient = demoName(r)
          const urgency = URGENCIES[Math.min(3, Math.floor(r() ** 1.6 * 4))]!
          const path = PATH[status]
          const steps = path.map((_, k) => new Date(createdMs + k * (1 + r() * 6) * 3600_000).toISOString())
          const declineReason =
            status === 'declined'
              ? pick(r, ['No bed free this week', 'Refer to a specialist centre', 'Incomplete referral'])
              : null
          const cancelReason =
            status === 'cancelled'
              ? pick(r, ['Family chose another hospital', 'Patient recovered', 'Duplicate booking'])
              : null
          const approvedAt = path.includes('approved') ? steps[1]! : null
          const { lastInsertRowid } = insertBooking.run(
            creator.id,
            hospitalId,
            type,
            patient.name,
            Math.floor(r() * 90) + (r() < 0.1 ? 0 : 1),
            patient.gender,
            pick(r, CONDITIONS[type]),
            urgency,
            demoName(r).name,
            demoPhone(r),
            pick(r, RELATIONSHIPS),
            scheduled.toISOString(),
            type === 'operationTheatres' ? 2 + Math.floor(r() * 6) : 24 * (1 + Math.floor(r() * 7)),
            status,
            path.includes('approved') ? s.authority.id : null,
            approvedAt,
            null,
            declineReason,
            reference,
            created.toISOString(),
            steps[steps.length - 1]!,
          )
          const id = Number(lastInsertRowid)
          const hospital = hospitalNames.get(hospitalId)!
          for (let k = 0; k < path.length; k++) {
            const next = path[k]!
            const by =
              next === 'pending' || next === 'admitted' || next === 'cancelled' ? creator.id : s.authority.id
            const reason = next === 'declined' ? declineReason : next === 'cancelled' ? cancelReason : null
            insertHistory.run(id, k === 0 ? null : path[k - 1]!, next, by, reason, null, steps[k]!)
            const note = NOTIFY[next]
            const message =
              k === 0
                ? `${reference}: ${patient.name} is waiting for ${hospital} to approve a ${RESOURCE_LABEL[type]}.`
                : `${reference}: ${patient.name}, ${RESOURCE_LABEL[type]} at ${hospital}, was ${note.past}.`
            // What happened more than a day ago has been read.
            const read = createdMs < now.getTime() - 24 * 3600_000 || k < path.length - 1 ? 1 : 0
            insertNotification.run(creator.id, id, note.type, note.title, message, read, steps[k]!)
          }
        }
      })
      options.onProgress?.(to, n)
    }

    // What the live bookings hold, through the ledger: one audited change per resource.
    writeTx(db, () => {
      for (const [key, count] of held) {
        if (!count) continue
        const [hid, type] = key.split(':') as [string, ResourceType]
        const hospitalId = Number(hid)
        const reserved = db
          .prepare(
            `SELECT COUNT(*) FROM bookings WHERE hospitalId = ? AND resourceType = ? AND status = 'approved'`,
          )
          .pluck()
          .get(hospitalId, type) as number
        const occupied = db
          .prepare(
            `SELECT COUNT(*) FROM bookings WHERE hospitalId = ? AND resourceType = ? AND status = 'admitted'`,
          )
          .pluck()
          .get(hospitalId, type) as number
        const row = getResource(db, hospitalId, type)!
        applyResourceChange(ctx, {
          hospitalId,
          resourceType: type,
          action: 'allocate',
          next: { ...row, available: row.total - row.maintenance - reserved - occupied, reserved, occupied },
          reason: `Demo data: ${reserved} reserved and ${occupied} occupied by live bookings`,
        })
      }
    })
  } finally {
    db.pragma(`synchronous = ${previousSync}`)
  }
  return {
    hospitals: hospitalIds.length,
    approvedHospitals: approved.length,
    staff: staffCount,
    bookings: n,
    byStatus,
    adminEmail,
    password,
    seconds: (Date.now() - started) / 1000,
  }
}

/** Exported for the benchmark: a demo data set's staff, to sign in as. */
export function demoStaff(db: DB): { authorityEmail: string; deskEmail: string; hospitalId: number } {
  const row = db
    .prepare(
      `SELECT email, hospitalId FROM users WHERE role = 'hospital-authority' AND email LIKE ? ORDER BY id LIMIT 1`,
    )
    .get(`%@${DEMO_DOMAIN}`) as { email: string; hospitalId: number } | undefined
  if (!row) throw new DeskError('NOT_FOUND', 'This database holds no demo data set.')
  const deskEmail = db
    .prepare(`SELECT email FROM users WHERE role = 'user' AND hospitalId = ? ORDER BY id LIMIT 1`)
    .pluck()
    .get(row.hospitalId) as string
  return { authorityEmail: row.email, deskEmail, hospitalId: row.hospitalId }
}
