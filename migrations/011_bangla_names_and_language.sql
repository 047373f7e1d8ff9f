-- 011: Bangla at the desk. Names across scripts: a search typed in Latin letters finds the Bangla
-- spelling and the reverse (rahima → রহিমা, করিম → Karim, md → মোঃ/মোহাম্মদ). Nothing of the seed's schema changes:
-- the trigram index of 003 gains a third column, each name's sound key, computed by rc_name_key()
-- (src/shared/locale/nameKey.ts, registered on every connection the desk opens): one `^skeleton` a
-- word, the same for both scripts. The search matches what was typed in the name itself OR its key
-- in the key column, in one pass over one index, so a hospital's matches still come newest first
-- straight from the index. FTS5 columns cannot be added, so the index is made again and rebuilt.

DROP TRIGGER bookings_name_fts_insert;
DROP TRIGGER bookings_name_fts_delete;
DROP TRIGGER bookings_name_fts_update;
DROP TABLE bookings_name_fts;
DROP VIEW bookings_name_fts_source;

CREATE VIEW bookings_name_fts_source AS
  SELECT id, patientName, char(57344 + (hospitalId / 40960000) % 6400, 57344 + (hospitalId / 6400) % 6400, 57344 + hospitalId % 6400) AS hospitalKey,
         rc_name_key(patientName) AS nameKey
    FROM bookings;

CREATE VIRTUAL TABLE bookings_name_fts USING fts5(
  patientName,
  hospitalKey,
  nameKey,
  content = 'bookings_name_fts_source',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0'
);

CREATE TRIGGER bookings_name_fts_insert AFTER INSERT ON bookings
BEGIN
  INSERT INTO bookings_name_fts (rowid, patientName, hospitalKey, nameKey)
  VALUES (new.id, new.patientName, char(57344 + (new.hospitalId / 40960000) % 6400, 57344 + (new.hospitalId / 6400) % 6400, 57344 + new.hospitalId % 6400), rc_name_key(new.patientName));
END;

CREATE TRIGGER bookings_name_fts_delete AFTER DELETE ON bookings
BEGIN
  INSERT INTO bookings_name_fts (bookings_name_fts, rowid, patientName, hospitalKey, nameKey)
  VALUES ('delete', old.id, old.patientName, char(57344 + (old.hospitalId / 40960000) % 6400, 57344 + (old.hospitalId / 6400) % 6400, 57344 + old.hospitalId % 6400), rc_name_key(old.patientName));
END;

CREATE TRIGGER bookings_name_fts_update AFTER UPDATE OF patientName, hospitalId ON bookings
BEGIN
  INSERT INTO bookings_name_fts (bookings_name_fts, rowid, patientName, hospitalKey, nameKey)
  VALUES ('delete', old.id, old.patientName, char(57344 + (old.hospitalId / 40960000) % 6400, 57344 + (old.hospitalId / 6400) % 6400, 57344 + old.hospitalId % 6400), rc_name_key(old.patientName));
  INSERT INTO bookings_name_fts (rowid, patientName, hospitalKey, nameKey)
  VALUES (new.id, new.patientName, char(57344 + (new.hospitalId / 40960000) % 6400, 57344 + (new.hospitalId / 6400) % 6400, 57344 + new.hospitalId % 6400), rc_name_key(new.patientName));
END;

INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('rebuild');

-- Each user's language and digits, remembered across sign-ins and desks. A table beside the seed's
-- users rather than new columns on it, so the seed's tables stay column for column. No row: the
-- desk shows the language of the workstation's operating system.
CREATE TABLE user_preferences (
  userId INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('en', 'bn')),
  banglaDigits INTEGER NOT NULL DEFAULT 0 CHECK (banglaDigits IN (0, 1)),
  updatedAt TEXT NOT NULL
);
