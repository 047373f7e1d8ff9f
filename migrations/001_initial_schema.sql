-- 001: the RapidCare schema v1.10 (shared/seed/rapidcare-database-schema.md), all 13 tables,
-- column for column, with the seed's CHECKs, foreign keys, defaults, UNIQUEs and every index it
-- lists (the composite ones too). Departures from the seed, each deliberate:
--   * Money is INTEGER minor units (paisa). The seed's DECIMAL(10,2) is a float in SQLite
--     (REAL affinity), and a float cannot hold ৳0.10 exactly; sums of paisa are exact.
--   * hospital_pricing.emergencyMultiplier is INTEGER hundredths (100 = 1.00x) for the same reason.
--   * bookings.status gains 'admitted' and booking_notifications.type gains 'booking_admitted':
--     the desk's admission step between approval and discharge.
--   * hospital_resources: the invariant available + occupied + reserved + maintenance = total,
--     every count >= 0, is a CHECK, so no code path can break it.
--   * booking_status_history, balance_transactions and resource_audit_log are append-only:
--     triggers refuse UPDATE and DELETE (they are the audit trail).

CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  email TEXT UNIQUE NOT NULL,
  password TEXT NOT NULL,
  phone TEXT,
  role TEXT DEFAULT 'user' CHECK(role IN ('user', 'hospital-authority', 'admin')),
  hospitalId INTEGER,
  status TEXT DEFAULT 'active' CHECK(status IN ('active', 'inactive', 'suspended')),
  emailVerified BOOLEAN DEFAULT FALSE,
  phoneVerified BOOLEAN DEFAULT FALSE,
  lastLogin DATETIME,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (hospitalId) REFERENCES hospitals (id)
);

CREATE INDEX idx_users_email ON users(email);
CREATE INDEX idx_users_role ON users(role);
CREATE INDEX idx_users_hospital ON users(hospitalId);

CREATE TABLE hospitals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT,
  website TEXT,
  description TEXT,
  specialties TEXT, -- JSON array of specialties
  facilities TEXT, -- JSON array of facilities
  status TEXT DEFAULT 'pending' CHECK(status IN ('pending', 'approved', 'rejected', 'suspended')),
  approvedBy INTEGER,
  approvedAt DATETIME,
  rejectionReason TEXT,
  operatingHours TEXT, -- JSON object with operating hours
  emergencyContact TEXT,
  licenseNumber TEXT,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (approvedBy) REFERENCES users (id)
);

CREATE INDEX idx_hospitals_status ON hospitals(status);
CREATE INDEX idx_hospitals_name ON hospitals(name);
CREATE INDEX idx_hospitals_approved ON hospitals(approvedBy);

CREATE TABLE hospital_resources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hospitalId INTEGER NOT NULL,
  resourceType TEXT NOT NULL CHECK(resourceType IN ('beds', 'icu', 'operationTheatres')),
  total INTEGER DEFAULT 0,
  available INTEGER DEFAULT 0,
  occupied INTEGER DEFAULT 0,
  reserved INTEGER DEFAULT 0,
  maintenance INTEGER DEFAULT 0,
  lastUpdated DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedBy INTEGER,

  FOREIGN KEY (hospitalId) REFERENCES hospitals (id) ON DELETE CASCADE,
  FOREIGN KEY (updatedBy) REFERENCES users (id),
  UNIQUE(hospitalId, resourceType),
  -- Departure: the resource invariant, enforced by the database itself.
  CHECK(total >= 0 AND available >= 0 AND occupied >= 0 AND reserved >= 0 AND maintenance >= 0
        AND available + occupied + reserved + maintenance = total)
);

CREATE INDEX idx_resources_hospital ON hospital_resources(hospitalId);
CREATE INDEX idx_resources_type ON hospital_resources(resourceType);
CREATE INDEX idx_resources_available ON hospital_resources(available);

CREATE TABLE bookings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  userId INTEGER NOT NULL,
  hospitalId INTEGER NOT NULL,
  resourceType TEXT NOT NULL CHECK(resourceType IN ('beds', 'icu', 'operationTheatres')),

  -- Patient Information
  patientName TEXT NOT NULL,
  patientAge INTEGER NOT NULL,
  patientGender TEXT NOT NULL CHECK(patientGender IN ('male', 'female', 'other')),
  medicalCondition TEXT NOT NULL,
  urgency TEXT DEFAULT 'medium' CHECK(urgency IN ('low', 'medium', 'high', 'critical')),

  -- Emergency Contact
  emergencyContactName TEXT NOT NULL,
  emergencyContactPhone TEXT NOT NULL,
  emergencyContactRelationship TEXT NOT NULL,

  -- Scheduling
  scheduledDate DATETIME NOT NULL,
  estimatedDuration INTEGER DEFAULT 24, -- in hours

  -- Status Management. Departure: 'admitted' (the desk's admission step).
  status TEXT DEFAULT 'pending' CHECK(status IN ('pending', 'approved', 'admitted', 'declined', 'cancelled', 'completed')),

  -- Approval Information
  approvedBy INTEGER,
  approvedAt DATETIME,
  authorityNotes TEXT,
  declineReason TEXT,

  -- Booking Reference
  bookingReference TEXT UNIQUE,

  -- Timestamps
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (userId) REFERENCES users (id),
  FOREIGN KEY (hospitalId) REFERENCES hospitals (id),
  FOREIGN KEY (approvedBy) REFERENCES users (id)
);

CREATE INDEX idx_bookings_user ON bookings(userId);
CREATE INDEX idx_bookings_hospital ON bookings(hospitalId);
CREATE INDEX idx_bookings_status ON bookings(status);
CREATE INDEX idx_bookings_urgency ON bookings(urgency);
CREATE INDEX idx_bookings_reference ON bookings(bookingReference);
CREATE INDEX idx_bookings_scheduled ON bookings(scheduledDate);

CREATE TABLE booking_status_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  bookingId INTEGER NOT NULL,
  oldStatus TEXT,
  newStatus TEXT NOT NULL,
  changedBy INTEGER,
  reason TEXT,
  notes TEXT,
  changedAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (bookingId) REFERENCES bookings (id) ON DELETE CASCADE,
  FOREIGN KEY (changedBy) REFERENCES users (id)
);

CREATE INDEX idx_status_history_booking ON booking_status_history(bookingId);
CREATE INDEX idx_status_history_changed ON booking_status_history(changedAt);

CREATE TABLE booking_notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  userId INTEGER NOT NULL,
  bookingId INTEGER NOT NULL,
  -- Departure: 'booking_admitted' (the desk's admission step).
  type TEXT NOT NULL CHECK(type IN ('booking_submitted', 'booking_approved', 'booking_admitted', 'booking_declined', 'booking_cancelled', 'booking_completed')),
  title TEXT NOT NULL,
  message TEXT NOT NULL,
  isRead BOOLEAN DEFAULT FALSE,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (userId) REFERENCES users (id),
  FOREIGN KEY (bookingId) REFERENCES bookings (id)
);

CREATE INDEX idx_notifications_user ON booking_notifications(userId);
CREATE INDEX idx_notifications_booking ON booking_notifications(bookingId);
CREATE INDEX idx_notifications_read ON booking_notifications(isRead);
CREATE INDEX idx_notifications_created ON booking_notifications(createdAt);

CREATE TABLE hospital_pricing (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hospitalId INTEGER NOT NULL,
  resourceType TEXT NOT NULL CHECK(resourceType IN ('beds', 'icu', 'operationTheatres')),
  basePrice INTEGER NOT NULL, -- paisa (seed: DECIMAL(10,2))
  currency TEXT DEFAULT 'BDT',
  pricePerHour INTEGER, -- paisa (seed: DECIMAL(10,2))
  pricePerDay INTEGER, -- paisa (seed: DECIMAL(10,2))
  emergencyMultiplier INTEGER DEFAULT 100, -- hundredths: 100 = 1.00x (seed: DECIMAL(3,2) DEFAULT 1.0)
  effectiveFrom DATETIME DEFAULT CURRENT_TIMESTAMP,
  effectiveTo DATETIME,
  isActive BOOLEAN DEFAULT TRUE,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (hospitalId) REFERENCES hospitals (id) ON DELETE CASCADE,
  UNIQUE(hospitalId, resourceType, effectiveFrom)
);

CREATE INDEX idx_pricing_hospital ON hospital_pricing(hospitalId);
CREATE INDEX idx_pricing_resource ON hospital_pricing(resourceType);
CREATE INDEX idx_pricing_active ON hospital_pricing(isActive);

CREATE TABLE transactions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  bookingId INTEGER NOT NULL,
  userId INTEGER NOT NULL,
  hospitalId INTEGER NOT NULL,
  amount INTEGER NOT NULL, -- paisa (seed: DECIMAL(10,2))
  currency TEXT DEFAULT 'BDT',
  paymentMethod TEXT NOT NULL,
  paymentGateway TEXT,
  gatewayTransactionId TEXT,
  status TEXT DEFAULT 'pending' CHECK(status IN ('pending', 'processing', 'completed', 'failed', 'cancelled', 'refunded')),
  failureReason TEXT,
  refundAmount INTEGER, -- paisa (seed: DECIMAL(10,2))
  refundedAt DATETIME,
  platformFee INTEGER, -- paisa (seed: DECIMAL(10,2))
  hospitalShare INTEGER, -- paisa (seed: DECIMAL(10,2))
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (bookingId) REFERENCES bookings (id),
  FOREIGN KEY (userId) REFERENCES users (id),
  FOREIGN KEY (hospitalId) REFERENCES hospitals (id)
);

CREATE INDEX idx_transactions_booking ON transactions(bookingId);
CREATE INDEX idx_transactions_user ON transactions(userId);
CREATE INDEX idx_transactions_hospital ON transactions(hospitalId);
CREATE INDEX idx_transactions_status ON transactions(status);
CREATE INDEX idx_transactions_gateway ON transactions(gatewayTransactionId);

CREATE TABLE user_balance (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  userId INTEGER NOT NULL UNIQUE,
  balance INTEGER DEFAULT 0, -- paisa (seed: DECIMAL(10,2) DEFAULT 0.00)
  currency TEXT DEFAULT 'BDT',
  lastUpdated DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (userId) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX idx_balance_user ON user_balance(userId);

CREATE TABLE balance_transactions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  userId INTEGER NOT NULL,
  transactionId INTEGER,
  type TEXT NOT NULL CHECK(type IN ('credit', 'debit', 'refund', 'fee')),
  amount INTEGER NOT NULL, -- paisa (seed: DECIMAL(10,2))
  currency TEXT DEFAULT 'BDT',
  description TEXT,
  balanceBefore INTEGER, -- paisa (seed: DECIMAL(10,2))
  balanceAfter INTEGER, -- paisa (seed: DECIMAL(10,2))
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (userId) REFERENCES users (id),
  FOREIGN KEY (transactionId) REFERENCES transactions (id)
);

CREATE INDEX idx_balance_trans_user ON balance_transactions(userId);
CREATE INDEX idx_balance_trans_type ON balance_transactions(type);
CREATE INDEX idx_balance_trans_created ON balance_transactions(createdAt);

CREATE TABLE resource_audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hospitalId INTEGER NOT NULL,
  resourceType TEXT NOT NULL,
  action TEXT NOT NULL CHECK(action IN ('create', 'update', 'delete', 'allocate', 'release')),
  oldValues TEXT, -- JSON
  newValues TEXT, -- JSON
  changedBy INTEGER,
  reason TEXT,
  ipAddress TEXT,
  userAgent TEXT,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (hospitalId) REFERENCES hospitals (id),
  FOREIGN KEY (changedBy) REFERENCES users (id)
);

CREATE INDEX idx_audit_hospital ON resource_audit_log(hospitalId);
CREATE INDEX idx_audit_resource ON resource_audit_log(resourceType);
CREATE INDEX idx_audit_action ON resource_audit_log(action);
CREATE INDEX idx_audit_created ON resource_audit_log(createdAt);

CREATE TABLE blood_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  userId INTEGER NOT NULL,
  patientName TEXT NOT NULL,
  bloodType TEXT NOT NULL CHECK(bloodType IN ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-')),
  unitsNeeded INTEGER NOT NULL,
  urgency TEXT DEFAULT 'medium' CHECK(urgency IN ('low', 'medium', 'high', 'critical')),
  hospitalId INTEGER,
  contactPhone TEXT NOT NULL,
  location TEXT NOT NULL,
  medicalCondition TEXT,
  requiredBy DATETIME,
  status TEXT DEFAULT 'active' CHECK(status IN ('active', 'fulfilled', 'cancelled', 'expired')),
  notes TEXT,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (userId) REFERENCES users (id),
  FOREIGN KEY (hospitalId) REFERENCES hospitals (id)
);

CREATE INDEX idx_blood_user ON blood_requests(userId);
CREATE INDEX idx_blood_type ON blood_requests(bloodType);
CREATE INDEX idx_blood_urgency ON blood_requests(urgency);
CREATE INDEX idx_blood_status ON blood_requests(status);
CREATE INDEX idx_blood_hospital ON blood_requests(hospitalId);

CREATE TABLE payment_config (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  gateway TEXT NOT NULL,
  isActive BOOLEAN DEFAULT TRUE,
  config TEXT NOT NULL, -- JSON configuration
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX idx_payment_config_gateway ON payment_config(gateway);
CREATE INDEX idx_payment_config_active ON payment_config(isActive);

-- The seed's composite indexes.
CREATE INDEX idx_bookings_hospital_status ON bookings(hospitalId, status);
CREATE INDEX idx_bookings_user_status ON bookings(userId, status);
CREATE INDEX idx_resources_hospital_type ON hospital_resources(hospitalId, resourceType);
CREATE INDEX idx_notifications_user_read ON booking_notifications(userId, isRead);
CREATE INDEX idx_audit_hospital_date ON resource_audit_log(hospitalId, createdAt);

-- Departure: the audit trail is append-only.
CREATE TRIGGER booking_status_history_no_update BEFORE UPDATE ON booking_status_history
BEGIN SELECT RAISE(ABORT, 'booking_status_history is append-only'); END;
CREATE TRIGGER booking_status_history_no_delete BEFORE DELETE ON booking_status_history
BEGIN SELECT RAISE(ABORT, 'booking_status_history is append-only'); END;
CREATE TRIGGER balance_transactions_no_update BEFORE UPDATE ON balance_transactions
BEGIN SELECT RAISE(ABORT, 'balance_transactions is append-only'); END;
CREATE TRIGGER balance_transactions_no_delete BEFORE DELETE ON balance_transactions
BEGIN SELECT RAISE(ABORT, 'balance_transactions is append-only'); END;
CREATE TRIGGER resource_audit_log_no_update BEFORE UPDATE ON resource_audit_log
BEGIN SELECT RAISE(ABORT, 'resource_audit_log is append-only'); END;
CREATE TRIGGER resource_audit_log_no_delete BEFORE DELETE ON resource_audit_log
BEGIN SELECT RAISE(ABORT, 'resource_audit_log is append-only'); END;
