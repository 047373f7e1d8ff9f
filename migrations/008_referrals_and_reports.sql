-- 008: referrals between hospitals, and what the census and occupancy reports read.
--
-- Referrals. The seed has no way to send a patient on to another hospital. A referral ends the
-- original booking (declined, its reason naming the referral) and creates a new pending booking at
-- the other hospital; this table is the link between the two. It is a table beside the seed's
-- rather than two columns on `bookings`, so that the seed's tables stay column for column the seed's
-- (the schema test and an adopted back-end database rely on that) and a later sync to the seed's
-- PostgreSQL sends the link as rows of its own.
--   * fromBookingId UNIQUE: a booking has at most one referral, enforced by the database, so two
--     desks referring the same booking at once cannot both succeed.
--   * toBookingId UNIQUE: a booking is created by at most one referral.
--   * the two hospitals are kept on the row (they are the bookings' own) so the census counts one
--     hospital's referrals in and out of a day from an index, without reading bookings.
--   * append-only like the other records the reports are computed from.
CREATE TABLE booking_referrals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  fromBookingId INTEGER NOT NULL UNIQUE,
  toBookingId INTEGER NOT NULL UNIQUE,
  fromHospitalId INTEGER NOT NULL,
  toHospitalId INTEGER NOT NULL,
  reason TEXT NOT NULL,
  referredBy INTEGER NOT NULL,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (fromBookingId) REFERENCES bookings (id),
  FOREIGN KEY (toBookingId) REFERENCES bookings (id),
  FOREIGN KEY (fromHospitalId) REFERENCES hospitals (id),
  FOREIGN KEY (toHospitalId) REFERENCES hospitals (id),
  FOREIGN KEY (referredBy) REFERENCES users (id),
  CHECK (fromHospitalId <> toHospitalId)
);

CREATE INDEX idx_referrals_from_hospital ON booking_referrals(fromHospitalId, createdAt);
CREATE INDEX idx_referrals_to_hospital ON booking_referrals(toHospitalId, createdAt);

CREATE TRIGGER booking_referrals_no_update BEFORE UPDATE ON booking_referrals
BEGIN
  SELECT RAISE(ABORT, 'booking_referrals is append-only');
END;

CREATE TRIGGER booking_referrals_no_delete BEFORE DELETE ON booking_referrals
BEGIN
  SELECT RAISE(ABORT, 'booking_referrals is append-only');
END;

-- The occupancy replay reads one resource's audit rows in time order from a point in time: the
-- seed's single-column indexes (hospitalId; resourceType; createdAt) each leave the rest to a scan
-- of every row of that hospital, or of that time range for every hospital.
CREATE INDEX idx_audit_resource_time ON resource_audit_log(hospitalId, resourceType, createdAt);

-- The census reads a day's status changes by time and kind; with the booking id in the index it
-- finds them without reading the history table's rows (the booking row is read by its key).
CREATE INDEX idx_status_history_day ON booking_status_history(changedAt, newStatus, bookingId);
