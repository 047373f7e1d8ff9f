-- 006: a one- or two-character name search within one hospital (an authority typing "Ho" or "রহ")
-- is below what the trigram index of 003 can answer. Without this index it read the whole bookings
-- table newest first (about 150 ms at a million bookings when the hospital has few matches); with
-- it, SQLite reads only that hospital's names from the index itself (about 1.5 ms), then sorts the
-- matches. Nothing of the seed's schema changes.
CREATE INDEX idx_bookings_hospital_name ON bookings(hospitalId, patientName);
