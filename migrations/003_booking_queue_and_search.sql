-- 003: what the booking desk's queue and search need at a million bookings. Nothing of the seed's
-- schema changes: these are indexes and a search index beside it.
--
--   * The queue order is urgency critical → low, then scheduledDate. Urgency is text, so its order is
--     an expression; an index on the same expression gives one hospital's pending bookings already
--     in queue order (no sort, no scan). The bookings service writes the expression exactly as here.
--   * The emergency contact's phone is searched without the spaces and dashes people type.
--   * Patient names are searched for any part of the name, in any script (Bangla too): an FTS5 index
--     with the trigram tokenizer answers substring queries of three or more characters. It indexes
--     the bookings table in place (external content, through a view: no second copy of the names)
--     and triggers keep it in step with every insert, delete and change of a name or hospital.

CREATE INDEX idx_bookings_queue ON bookings(
  hospitalId, status,
  (CASE urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END),
  scheduledDate
);

CREATE INDEX idx_bookings_status_queue ON bookings(
  status,
  (CASE urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END),
  scheduledDate
);

CREATE INDEX idx_bookings_phone ON bookings(replace(replace(emergencyContactPhone, ' ', ''), '-', ''));

-- Newest notifications first for one user, without a sort.
CREATE INDEX idx_notifications_user_id ON booking_notifications(userId, id);

-- The index's source: each booking's name, and its hospital as a key of three private-use
-- characters (one trigram that no name contains), so one hospital's matches come straight from the
-- index. The bookings service computes the same key (hospitalKey).
CREATE VIEW bookings_name_fts_source AS
  SELECT id, patientName, char(57344 + (hospitalId / 40960000) % 6400, 57344 + (hospitalId / 6400) % 6400, 57344 + hospitalId % 6400) AS hospitalKey
    FROM bookings;

CREATE VIRTUAL TABLE bookings_name_fts USING fts5(
  patientName,
  hospitalKey,
  content = 'bookings_name_fts_source',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0'
);

CREATE TRIGGER bookings_name_fts_insert AFTER INSERT ON bookings
BEGIN
  INSERT INTO bookings_name_fts (rowid, patientName, hospitalKey)
  VALUES (new.id, new.patientName, char(57344 + (new.hospitalId / 40960000) % 6400, 57344 + (new.hospitalId / 6400) % 6400, 57344 + new.hospitalId % 6400));
END;

CREATE TRIGGER bookings_name_fts_delete AFTER DELETE ON bookings
BEGIN
  INSERT INTO bookings_name_fts (bookings_name_fts, rowid, patientName, hospitalKey)
  VALUES ('delete', old.id, old.patientName, char(57344 + (old.hospitalId / 40960000) % 6400, 57344 + (old.hospitalId / 6400) % 6400, 57344 + old.hospitalId % 6400));
END;

CREATE TRIGGER bookings_name_fts_update AFTER UPDATE OF patientName, hospitalId ON bookings
BEGIN
  INSERT INTO bookings_name_fts (bookings_name_fts, rowid, patientName, hospitalKey)
  VALUES ('delete', old.id, old.patientName, char(57344 + (old.hospitalId / 40960000) % 6400, 57344 + (old.hospitalId / 6400) % 6400, 57344 + old.hospitalId % 6400));
  INSERT INTO bookings_name_fts (rowid, patientName, hospitalKey)
  VALUES (new.id, new.patientName, char(57344 + (new.hospitalId / 40960000) % 6400, 57344 + (new.hospitalId / 6400) % 6400, 57344 + new.hospitalId % 6400));
END;

-- Bookings already in an adopted database are indexed now.
INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('rebuild');
