-- 007: the `changes` table, one row per insert, update or delete of a domain table, written by the
-- triggers below.
--
-- Why triggers, and not the services writing these rows: every writer of the file must be seen —
-- this desk's services, a second desk process or the CLI on the same file, `demo`, `adopt`, a
-- maintenance cleanup, a hand-run repair in the sqlite3 shell. Only the database sees them all, and
-- a trigger's row commits (or rolls back) with the change that caused it, so the feed can never
-- announce a change that did not happen nor miss one that did. Main notices new rows (PRAGMA
-- data_version, then `seq > last seen`) and tells each open screen which areas and hospitals moved;
-- it never sends a row's contents, so no patient data leaves main this way. The same table is the
-- outbox a later sync to a central PostgreSQL will read.
--
-- seq is AUTOINCREMENT so a number is never reused, even after cleanup deletes the oldest rows: a
-- desk resuming from `Last-Event-ID: 41` must never mistake a new change for one it already saw.
-- hospital_id says whose data moved, so an authority is told only of its own hospital; it is NULL
-- for rows of no hospital (payment_config, an admin's account). History rows name their
-- booking's, user's or transaction's hospital. Columns are snake_case, unlike the seed's tables:
-- this table is the desk's own plumbing, not part of the seed's domain.
--
-- Append-only tables (booking_status_history, balance_transactions, resource_audit_log,
-- transaction_refunds, shift_closings) refuse UPDATE and DELETE already, so they get an INSERT
-- trigger only. Cost, measured: three to five extra rows per booking transition, inside the same
-- transaction; the create + approve benchmark keeps its ratio (both sides fire the triggers).

CREATE TABLE changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  op TEXT NOT NULL CHECK(op IN ('insert', 'update', 'delete')),
  hospital_id INTEGER,
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Cleanup deletes by age.
CREATE INDEX idx_changes_changed_at ON changes(changed_at);

-- users
CREATE TRIGGER changes_users_insert AFTER INSERT ON users
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('users', NEW.id, 'insert', NEW.hospitalId); END;
CREATE TRIGGER changes_users_update AFTER UPDATE ON users
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('users', NEW.id, 'update', NEW.hospitalId); END;
CREATE TRIGGER changes_users_delete AFTER DELETE ON users
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('users', OLD.id, 'delete', OLD.hospitalId); END;

-- hospitals
CREATE TRIGGER changes_hospitals_insert AFTER INSERT ON hospitals
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospitals', NEW.id, 'insert', NEW.id); END;
CREATE TRIGGER changes_hospitals_update AFTER UPDATE ON hospitals
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospitals', NEW.id, 'update', NEW.id); END;
CREATE TRIGGER changes_hospitals_delete AFTER DELETE ON hospitals
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospitals', OLD.id, 'delete', OLD.id); END;

-- hospital_resources
CREATE TRIGGER changes_hospital_resources_insert AFTER INSERT ON hospital_resources
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospital_resources', NEW.id, 'insert', NEW.hospitalId); END;
CREATE TRIGGER changes_hospital_resources_update AFTER UPDATE ON hospital_resources
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospital_resources', NEW.id, 'update', NEW.hospitalId); END;
CREATE TRIGGER changes_hospital_resources_delete AFTER DELETE ON hospital_resources
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospital_resources', OLD.id, 'delete', OLD.hospitalId); END;

-- bookings
CREATE TRIGGER changes_bookings_insert AFTER INSERT ON bookings
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('bookings', NEW.id, 'insert', NEW.hospitalId); END;
CREATE TRIGGER changes_bookings_update AFTER UPDATE ON bookings
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('bookings', NEW.id, 'update', NEW.hospitalId); END;
CREATE TRIGGER changes_bookings_delete AFTER DELETE ON bookings
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('bookings', OLD.id, 'delete', OLD.hospitalId); END;

-- booking_status_history
CREATE TRIGGER changes_booking_status_history_insert AFTER INSERT ON booking_status_history
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('booking_status_history', NEW.id, 'insert', (SELECT hospitalId FROM bookings WHERE id = NEW.bookingId)); END;

-- booking_notifications
CREATE TRIGGER changes_booking_notifications_insert AFTER INSERT ON booking_notifications
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('booking_notifications', NEW.id, 'insert', (SELECT hospitalId FROM bookings WHERE id = NEW.bookingId)); END;
CREATE TRIGGER changes_booking_notifications_update AFTER UPDATE ON booking_notifications
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('booking_notifications', NEW.id, 'update', (SELECT hospitalId FROM bookings WHERE id = NEW.bookingId)); END;
CREATE TRIGGER changes_booking_notifications_delete AFTER DELETE ON booking_notifications
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('booking_notifications', OLD.id, 'delete', (SELECT hospitalId FROM bookings WHERE id = OLD.bookingId)); END;

-- hospital_pricing
CREATE TRIGGER changes_hospital_pricing_insert AFTER INSERT ON hospital_pricing
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospital_pricing', NEW.id, 'insert', NEW.hospitalId); END;
CREATE TRIGGER changes_hospital_pricing_update AFTER UPDATE ON hospital_pricing
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospital_pricing', NEW.id, 'update', NEW.hospitalId); END;
CREATE TRIGGER changes_hospital_pricing_delete AFTER DELETE ON hospital_pricing
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('hospital_pricing', OLD.id, 'delete', OLD.hospitalId); END;

-- transactions
CREATE TRIGGER changes_transactions_insert AFTER INSERT ON transactions
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('transactions', NEW.id, 'insert', NEW.hospitalId); END;
CREATE TRIGGER changes_transactions_update AFTER UPDATE ON transactions
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('transactions', NEW.id, 'update', NEW.hospitalId); END;
CREATE TRIGGER changes_transactions_delete AFTER DELETE ON transactions
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('transactions', OLD.id, 'delete', OLD.hospitalId); END;

-- user_balance
CREATE TRIGGER changes_user_balance_insert AFTER INSERT ON user_balance
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('user_balance', NEW.id, 'insert', (SELECT hospitalId FROM users WHERE id = NEW.userId)); END;
CREATE TRIGGER changes_user_balance_update AFTER UPDATE ON user_balance
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('user_balance', NEW.id, 'update', (SELECT hospitalId FROM users WHERE id = NEW.userId)); END;
CREATE TRIGGER changes_user_balance_delete AFTER DELETE ON user_balance
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('user_balance', OLD.id, 'delete', (SELECT hospitalId FROM users WHERE id = OLD.userId)); END;

-- balance_transactions
CREATE TRIGGER changes_balance_transactions_insert AFTER INSERT ON balance_transactions
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('balance_transactions', NEW.id, 'insert', (SELECT hospitalId FROM users WHERE id = NEW.userId)); END;

-- resource_audit_log
CREATE TRIGGER changes_resource_audit_log_insert AFTER INSERT ON resource_audit_log
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('resource_audit_log', NEW.id, 'insert', NEW.hospitalId); END;

-- blood_requests
CREATE TRIGGER changes_blood_requests_insert AFTER INSERT ON blood_requests
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('blood_requests', NEW.id, 'insert', NEW.hospitalId); END;
CREATE TRIGGER changes_blood_requests_update AFTER UPDATE ON blood_requests
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('blood_requests', NEW.id, 'update', NEW.hospitalId); END;
CREATE TRIGGER changes_blood_requests_delete AFTER DELETE ON blood_requests
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('blood_requests', OLD.id, 'delete', OLD.hospitalId); END;

-- payment_config
CREATE TRIGGER changes_payment_config_insert AFTER INSERT ON payment_config
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('payment_config', NEW.id, 'insert', NULL); END;
CREATE TRIGGER changes_payment_config_update AFTER UPDATE ON payment_config
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('payment_config', NEW.id, 'update', NULL); END;
CREATE TRIGGER changes_payment_config_delete AFTER DELETE ON payment_config
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('payment_config', OLD.id, 'delete', NULL); END;

-- transaction_refunds
CREATE TRIGGER changes_transaction_refunds_insert AFTER INSERT ON transaction_refunds
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('transaction_refunds', NEW.id, 'insert', (SELECT hospitalId FROM transactions WHERE id = NEW.transactionId)); END;

-- shift_closings
CREATE TRIGGER changes_shift_closings_insert AFTER INSERT ON shift_closings
BEGIN INSERT INTO changes (table_name, row_id, op, hospital_id) VALUES ('shift_closings', NEW.id, 'insert', (SELECT hospitalId FROM users WHERE id = NEW.userId)); END;

-- Sessions that survive a restart of the desk. With many desks on one hub, a hub restarted
-- mid-shift (an update, a power cut) must not sign every desk out of a half-typed admission.
-- Only the SHA-256 of a session token is stored: the file (or a backup of it) gives no one a
-- session. Not a domain table: no trigger, nothing of it is ever announced.
CREATE TABLE sessions (
  tokenHash TEXT PRIMARY KEY,
  userId INTEGER NOT NULL,
  lastSeen INTEGER NOT NULL, -- ms since the epoch

  FOREIGN KEY (userId) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX idx_sessions_user ON sessions(userId);
