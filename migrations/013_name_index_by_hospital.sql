-- 013: the name search inside its 5 ms budget at a million bookings (issue 13). Nothing of the
-- seed's schema changes; only the name index of 003/011 is made again.
--
-- 011's index held each name's trigrams, its hospital as one more trigram and its sound key in a
-- third column. Measured at a million bookings (50 hospitals), two things kept searches slow:
--   * within one hospital, FTS5 intersected each of the name's trigrams with the hospital's: it walked
--     every hospital's entries of a common trigram ("han", "aha") to find the fiftieth that were
--     this hospital's (p95 5.9 ms);
--   * a sound key shares its three letters with names ("ana" of ^ana and of Farhana), so reading a key
--     in its column read all the names' entries of the same trigram too; and the keys' own trigrams
--     (^ra, rah) are among the commonest, so a phrase of them checked positions in huge lists.
--   * two typed characters (what is left of " Ab" once trimmed) were below a trigram: they read the
--     bookings themselves until a thousand matched, 10–20 ms for a rare pair.
-- The index now holds words made by rc_name_tokens(hospitalId, patientName)
-- (src/main/services/nameIndex.ts): each trigram and each pair of characters of the name, and each
-- start of each word's sound (Rahman: rh, rhm, rhmn), written once for every hospital and once under
-- the booking's hospital, in families that never share a word. A sound typed is one word of the
-- index; a search in one hospital reads that hospital's words only. The rowid is still the booking's id, so
-- matches still come newest first straight from the index.

DROP TRIGGER bookings_name_fts_insert;
DROP TRIGGER bookings_name_fts_delete;
DROP TRIGGER bookings_name_fts_update;
DROP TABLE bookings_name_fts;
DROP VIEW bookings_name_fts_source;

CREATE VIEW bookings_name_fts_source AS
  SELECT id, rc_name_tokens(hospitalId, patientName) AS tokens FROM bookings;

CREATE VIRTUAL TABLE bookings_name_fts USING fts5(
  tokens,
  content = 'bookings_name_fts_source',
  content_rowid = 'id',
  tokenize = 'ascii'
);

CREATE TRIGGER bookings_name_fts_insert AFTER INSERT ON bookings
BEGIN
  INSERT INTO bookings_name_fts (rowid, tokens) VALUES (new.id, rc_name_tokens(new.hospitalId, new.patientName));
END;

CREATE TRIGGER bookings_name_fts_delete AFTER DELETE ON bookings
BEGIN
  INSERT INTO bookings_name_fts (bookings_name_fts, rowid, tokens)
  VALUES ('delete', old.id, rc_name_tokens(old.hospitalId, old.patientName));
END;

CREATE TRIGGER bookings_name_fts_update AFTER UPDATE OF patientName, hospitalId ON bookings
BEGIN
  INSERT INTO bookings_name_fts (bookings_name_fts, rowid, tokens)
  VALUES ('delete', old.id, rc_name_tokens(old.hospitalId, old.patientName));
  INSERT INTO bookings_name_fts (rowid, tokens) VALUES (new.id, rc_name_tokens(new.hospitalId, new.patientName));
END;

INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('rebuild');
-- One segment, as a fresh index would be after its merges: read in one pass by every search.
INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('optimize');
