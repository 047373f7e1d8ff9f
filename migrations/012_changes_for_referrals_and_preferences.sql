-- 012: change triggers (migration 007's `changes` feed) for the two domain tables that came after it.
--
-- 007 gave every domain table of its day a trigger; booking_referrals (008) and user_preferences
-- (011) arrived later and wrote nothing to the feed, so a referral made by the CLI or a second desk
-- process, or a language chosen on another desk, reached no open screen until something else moved.
-- A test (src/main/live/triggers.test.ts) now fails on any table without a changes trigger, so the
-- next new table cannot be forgotten the same way.
--
-- A referral concerns two hospitals: it is written twice, once for each, so the authority of the
-- hospital sending the patient and the authority of the one receiving them both hear of it (an
-- event names only the hospitals a subscriber may see). booking_referrals is append-only (008
-- refuses UPDATE and DELETE): an INSERT trigger only.
CREATE TRIGGER changes_booking_referrals_insert AFTER INSERT ON booking_referrals
BEGIN
  INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('booking_referrals', NEW.id, 'insert', NEW.fromHospitalId);
  INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('booking_referrals', NEW.id, 'insert', NEW.toHospitalId);
END;

-- user_preferences: keyed by userId; the hospital is the user's (NULL for an admin: no hospital's news).
CREATE TRIGGER changes_user_preferences_insert AFTER INSERT ON user_preferences
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('user_preferences', NEW.userId, 'insert', (SELECT hospitalId FROM users WHERE id = NEW.userId)); END;
CREATE TRIGGER changes_user_preferences_update AFTER UPDATE ON user_preferences
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('user_preferences', NEW.userId, 'update', (SELECT hospitalId FROM users WHERE id = NEW.userId)); END;
CREATE TRIGGER changes_user_preferences_delete AFTER DELETE ON user_preferences
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('user_preferences', OLD.userId, 'delete', (SELECT hospitalId FROM users WHERE id = OLD.userId)); END;
