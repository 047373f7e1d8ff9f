/**
 * A RapidCare back-end database as a hospital running the back-end has it: built from the seed's
 * own DDL (test/fixtures/seed-schema-v1.10.sql, never our migrations), with the back-end runner's
 * `migrations` table, REAL money, bcrypt passwords, SQLite CURRENT_TIMESTAMP text, and realistic
 * rows in all 13 tables, gaps in the ids included (the back-end deleted rows too).
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import bcrypt from 'bcryptjs'

export const LEGACY_MIGRATIONS = [
  '001_hospital_approval_system.js',
  '002_resource_booking_management.js',
  '003_notification_system.js',
  '005_notifications_system.js',
  '006_audit_trail_system.js',
  '008_create_reconciliation_tables.js',
  '009_add_user_balance_and_simple_pricing.js',
  '010_add_booking_reference.js',
]

/** Passwords of the legacy accounts (bcrypt-hashed in the file). */
export const LEGACY_PASSWORDS = {
  'admin@rapidcare.com.bd': 'legacy-admin-2023',
  'authority@squarehospital.com': 'square-auth-77',
  'authority@evercare.example': 'evercare-auth-42',
  'reception@rapidcare.com.bd': 'front-desk-pass1',
} as const

export const SEED_DDL = fs.readFileSync(path.join(__dirname, 'fixtures', 'seed-schema-v1.10.sql'), 'utf8')

/** Build the legacy file at `file` and close it. `keepOpen` leaves a writer with rows still in the WAL. */
export function buildLegacyDatabase(
  file: string,
  options: { keepOpen?: boolean } = {},
): Database.Database | null {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      filename TEXT UNIQUE NOT NULL,
      executed_at DATETIME DEFAULT CURRENT_TIMESTAMP
    )`)
  db.exec(SEED_DDL)
  const hash = (p: string) => bcrypt.hashSync(p, 4)
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row)
    db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
      ...Object.values(row),
    )
  }
  db.transaction(() => {
    for (const [i, filename] of LEGACY_MIGRATIONS.entries()) {
      insert('migrations', { filename, executed_at: `2023-0${Math.min(9, i + 1)}-15 10:00:0${i}` })
    }
    insert('users', {
      id: 1,
      name: 'Kamal Hossain',
      email: 'admin@rapidcare.com.bd',
      password: hash(LEGACY_PASSWORDS['admin@rapidcare.com.bd']),
      phone: '+8801711000001',
      role: 'admin',
      emailVerified: 1,
      createdAt: '2023-01-15 10:00:00',
      updatedAt: '2023-01-15 10:00:00',
    })
    insert('hospitals', {
      id: 1,
      name: 'Square Hospital',
      address: '18/F Bir Uttam Qazi Nuruzzaman Sarak, Dhaka 1205',
      phone: '+880 2 8144400',
      email: 'info@squarehospital.com',
      website: 'https://www.squarehospital.com',
      description: 'Tertiary care hospital',
      specialties: JSON.stringify(['Cardiology', 'Oncology', 'Neurology']),
      facilities: JSON.stringify(['ICU', 'CCU', 'Blood bank']),
      status: 'approved',
      approvedBy: 1,
      approvedAt: '2023-02-01 09:15:00',
      operatingHours: JSON.stringify({ monday: '24 hours', sunday: '24 hours' }),
      emergencyContact: '10616',
      licenseNumber: 'DGHS-HSM-0001',
      createdAt: '2023-01-20 08:00:00',
      updatedAt: '2023-02-01 09:15:00',
    })
    insert('hospitals', {
      id: 2,
      name: 'Evercare Hospital Chattogram',
      address: 'Ananya R/A, Chattogram',
      phone: '+880 31 2550000',
      specialties: JSON.stringify(['Orthopaedics']),
      facilities: JSON.stringify([]),
      status: 'approved',
      approvedBy: 1,
      approvedAt: '2023-03-10 11:00:00',
      createdAt: '2023-03-01 08:00:00',
      updatedAt: '2023-03-10 11:00:00',
    })
    // Hospital 3 was deleted by the back-end: ids keep their gap.
    insert('hospitals', {
      id: 4,
      name: 'Rangpur Community Clinic',
      address: 'Station Road, Rangpur',
      phone: '+880 521 62000',
      status: 'pending',
      createdAt: '2024-05-02 07:30:00',
      updatedAt: '2024-05-02 07:30:00',
    })
    insert('users', {
      id: 2,
      name: 'Farhana Sultana',
      email: 'authority@squarehospital.com',
      password: hash(LEGACY_PASSWORDS['authority@squarehospital.com']),
      phone: '+8801711000002',
      role: 'hospital-authority',
      hospitalId: 1,
      lastLogin: '2024-06-01 12:00:00',
      createdAt: '2023-02-02 10:00:00',
      updatedAt: '2023-02-02 10:00:00',
    })
    insert('users', {
      id: 3,
      name: 'Imran Chowdhury',
      email: 'authority@evercare.example',
      password: hash(LEGACY_PASSWORDS['authority@evercare.example']),
      role: 'hospital-authority',
      hospitalId: 2,
      status: 'suspended',
      createdAt: '2023-03-11 10:00:00',
      updatedAt: '2024-01-11 10:00:00',
    })
    insert('users', {
      id: 5,
      name: 'Shirin Akter',
      email: 'reception@rapidcare.com.bd',
      password: hash(LEGACY_PASSWORDS['reception@rapidcare.com.bd']),
      phone: '01811-000005',
      role: 'user',
      createdAt: '2023-04-01 10:00:00',
      updatedAt: '2023-04-01 10:00:00',
    })
    insert('users', {
      id: 6,
      name: 'Patient Portal User',
      email: 'mitu@example.com',
      password: hash('someone-else-1'),
      role: 'user',
      status: 'inactive',
      createdAt: '2023-05-01 10:00:00',
      updatedAt: '2023-05-01 10:00:00',
    })

    // Resources: Square's are consistent; Evercare's beds were kept the back-end's way (only
    // `available` moved), and it never got an operation-theatre row; Rangpur has none yet.
    const resource = (id: number, hospitalId: number, resourceType: string, c: number[]) =>
      insert('hospital_resources', {
        id,
        hospitalId,
        resourceType,
        total: c[0],
        available: c[1],
        occupied: c[2],
        reserved: c[3],
        maintenance: c[4],
        updatedBy: 2,
        lastUpdated: '2024-06-01 12:00:00',
      })
    resource(1, 1, 'beds', [120, 96, 18, 2, 4])
    resource(2, 1, 'icu', [20, 11, 8, 1, 0])
    resource(3, 1, 'operationTheatres', [6, 5, 0, 0, 1])
    resource(4, 2, 'beds', [40, 30, 5, 0, 0])
    resource(5, 2, 'icu', [6, 6, 0, 0, 0])

    const booking = (id: number, row: Record<string, unknown>) =>
      insert('bookings', {
        id,
        userId: 5,
        hospitalId: 1,
        resourceType: 'beds',
        patientGender: 'female',
        medicalCondition: 'Dengue fever',
        urgency: 'high',
        emergencyContactName: 'Rahim Uddin',
        emergencyContactPhone: '01711-555666',
        emergencyContactRelationship: 'husband',
        scheduledDate: '2024-06-03T10:00:00.000Z',
        bookingReference: `RC-2024-${String(id).padStart(6, '0')}`,
        createdAt: '2024-06-01 08:00:00',
        updatedAt: '2024-06-01 08:00:00',
        ...row,
      })
    booking(1, { patientName: 'Ayesha Begum', patientAge: 34, status: 'pending' })
    booking(2, {
      patientName: 'Jamal Mia',
      patientAge: 61,
      patientGender: 'male',
      resourceType: 'icu',
      urgency: 'critical',
      status: 'approved',
      approvedBy: 2,
      approvedAt: '2024-06-01 09:00:00',
      authorityNotes: 'Bed 4 ready',
    })
    booking(3, {
      patientName: 'Rokeya Khatun',
      patientAge: 45,
      status: 'declined',
      declineReason: 'No beds that day',
      hospitalId: 2,
    })
    booking(4, { patientName: 'Tanvir Ahmed', patientAge: 29, patientGender: 'male', status: 'cancelled' })
    booking(6, {
      patientName: 'Nasima Parvin',
      patientAge: 52,
      status: 'completed',
      approvedBy: 2,
      approvedAt: '2024-05-20 09:00:00',
      bookingReference: 'RC-2024-000006',
    })
    const history = (bookingId: number, oldStatus: string | null, newStatus: string, changedBy: number) =>
      insert('booking_status_history', {
        bookingId,
        oldStatus,
        newStatus,
        changedBy,
        changedAt: '2024-06-01 09:00:00',
      })
    for (const id of [1, 2, 3, 4, 6]) history(id, null, 'pending', 5)
    history(2, 'pending', 'approved', 2)
    history(3, 'pending', 'declined', 3)
    history(4, 'pending', 'cancelled', 5)
    history(6, 'pending', 'approved', 2)
    history(6, 'approved', 'completed', 2)
    const notify = (bookingId: number, type: string, isRead: number) =>
      insert('booking_notifications', {
        userId: 5,
        bookingId,
        type,
        title: type.replace('booking_', 'Booking '),
        message: `Booking ${bookingId}: ${type}`,
        isRead,
        createdAt: '2024-06-01 09:00:01',
      })
    notify(1, 'booking_submitted', 1)
    notify(2, 'booking_approved', 0)
    notify(3, 'booking_declined', 0)
    notify(4, 'booking_cancelled', 1)
    notify(6, 'booking_completed', 1)

    insert('hospital_pricing', {
      hospitalId: 1,
      resourceType: 'beds',
      basePrice: 1500.5,
      pricePerHour: 62.52,
      pricePerDay: 1500,
      emergencyMultiplier: 1.5,
      effectiveFrom: '2024-01-01 00:00:00',
    })
    insert('hospital_pricing', {
      hospitalId: 1,
      resourceType: 'icu',
      basePrice: 8000,
      pricePerDay: 7999.99,
      emergencyMultiplier: 1.25,
      effectiveFrom: '2024-01-01 00:00:00',
    })
    // The back-end's DEFAULT 1.0 multiplier, and no per-hour price.
    insert('hospital_pricing', {
      hospitalId: 2,
      resourceType: 'beds',
      basePrice: 1200.1,
      effectiveFrom: '2024-02-01 00:00:00',
    })

    const txn = (row: Record<string, unknown>) =>
      insert('transactions', {
        userId: 5,
        hospitalId: 1,
        currency: 'BDT',
        paymentMethod: 'bkash',
        paymentGateway: 'bkash',
        createdAt: '2024-06-01 10:00:00',
        updatedAt: '2024-06-01 10:00:00',
        ...row,
      })
    txn({
      id: 1,
      bookingId: 2,
      amount: 3000.75,
      status: 'completed',
      gatewayTransactionId: 'BK7X1',
      platformFee: 0.29,
      hospitalShare: 3000.46,
    })
    txn({
      id: 2,
      bookingId: 6,
      amount: 1250.1,
      status: 'refunded',
      refundAmount: 1250.1,
      refundedAt: '2024-06-02 10:00:00',
      platformFee: 12.5,
      hospitalShare: 1237.6,
    })
    // An amount the back-end computed in floating point: 0.1 + 0.2 is not 0.3.
    txn({ id: 3, bookingId: 1, amount: 0.1 + 0.2, status: 'failed', failureReason: 'Insufficient funds' })
    txn({ id: 4, bookingId: 4, amount: 99.995, status: 'cancelled', paymentMethod: 'card' })

    insert('user_balance', { userId: 5, balance: 5000.5, lastUpdated: '2024-06-02 10:00:00' })
    insert('user_balance', { userId: 2, balance: 0, lastUpdated: '2024-06-02 10:00:00' })
    insert('balance_transactions', {
      userId: 5,
      type: 'credit',
      amount: 6250.6,
      description: 'Top-up',
      balanceBefore: 0,
      balanceAfter: 6250.6,
      createdAt: '2024-05-30 10:00:00',
    })
    insert('balance_transactions', {
      userId: 5,
      transactionId: 2,
      type: 'debit',
      amount: 1250.1,
      description: 'Booking RC-2024-000006',
      balanceBefore: 6250.6,
      balanceAfter: 5000.5,
      createdAt: '2024-06-01 10:00:00',
    })
    insert('balance_transactions', {
      userId: 5,
      transactionId: 2,
      type: 'refund',
      amount: 1250.1,
      description: 'Refund RC-2024-000006',
      balanceBefore: 5000.5,
      balanceAfter: 6250.6,
      createdAt: '2024-06-02 10:00:00',
    })
    insert('balance_transactions', {
      userId: 5,
      type: 'fee',
      amount: 12.5,
      description: 'Platform fee',
      balanceBefore: 6250.6,
      balanceAfter: 5000.5,
      createdAt: '2024-06-02 10:05:00',
    })

    // The back-end's audit rows: its own JSON shapes, partial counts.
    insert('resource_audit_log', {
      hospitalId: 1,
      resourceType: 'beds',
      action: 'update',
      oldValues: JSON.stringify({ available: 97 }),
      newValues: JSON.stringify({ available: 96 }),
      changedBy: 2,
      reason: 'Booking approved',
      ipAddress: '10.0.0.12',
      userAgent: 'Mozilla/5.0',
      createdAt: '2024-06-01 09:00:00',
    })
    insert('resource_audit_log', {
      hospitalId: 2,
      resourceType: 'icu',
      action: 'create',
      newValues: JSON.stringify({ total: 6, available: 6 }),
      changedBy: 1,
      createdAt: '2023-03-10 11:00:00',
    })

    insert('blood_requests', {
      userId: 5,
      patientName: 'Jamal Mia',
      bloodType: 'O-',
      unitsNeeded: 2,
      urgency: 'critical',
      hospitalId: 1,
      contactPhone: '01711-555666',
      location: 'Square Hospital, ICU',
      requiredBy: '2024-06-02T08:00:00.000Z',
      createdAt: '2024-06-01 09:30:00',
      updatedAt: '2024-06-01 09:30:00',
    })
    insert('blood_requests', {
      userId: 6,
      patientName: 'Laila Noor',
      bloodType: 'AB+',
      unitsNeeded: 1,
      contactPhone: '01911-000000',
      location: 'Rangpur',
      status: 'fulfilled',
      createdAt: '2024-04-01 09:30:00',
      updatedAt: '2024-04-03 09:30:00',
    })
    insert('payment_config', {
      gateway: 'bkash',
      isActive: 1,
      config: JSON.stringify({ merchant: '01700000000', sandbox: false }),
      createdAt: '2023-01-15 10:00:00',
      updatedAt: '2023-01-15 10:00:00',
    })
  })()
  // The gaps the back-end's deletes left behind.
  db.prepare(`UPDATE sqlite_sequence SET seq = 9 WHERE name = 'users'`).run()
  if (options.keepOpen) return db
  db.close()
  return null
}
