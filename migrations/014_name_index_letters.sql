-- 014: one typed character, across every hospital, is read from the name index too. Until now it
-- read the bookings newest first until a thousand matched: at once for a common letter, but about
-- 190 ms at a million bookings for a letter no name has (x, ঢ, ঐ) — the whole table. The index's
-- words (rc_name_tokens(), src/main/services/nameIndex.ts) now include each character of the name
-- once, for every hospital; within one hospital one character is still read from that hospital's
-- names (migration 006's index), a few milliseconds. The words changed, so the index is made again.
INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('rebuild');
INSERT INTO bookings_name_fts (bookings_name_fts) VALUES ('optimize');
