-- 005: two small tables the seed lacks, for money at the desk. Both are append-only, like the
-- other audit tables: a refund or a shift close is a fact, corrected by a new row, never an edit.
--
-- transaction_refunds: the seed's transactions row holds only the running refundAmount and the
-- last refundedAt. A partial refund needs its own row to keep who authorised it, when, and why
-- (the issue asks for a reason on every refund). transactions.refundAmount stays the sum of these
-- rows, written in the same transaction.
--
-- shift_closings: the seed has no table for shifts. The drawer's money still moves only through
-- balance_transactions (a difference at close is one credit/debit row there, so the ledger always
-- reconciles); this row records the close itself (expected vs counted, the reason, per-method
-- totals) and marks where the account's next shift starts.

CREATE TABLE transaction_refunds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  transactionId INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK(amount > 0), -- paisa
  reason TEXT NOT NULL,
  refundedBy INTEGER NOT NULL,
  balanceTransactionId INTEGER, -- the drawer's row, for a cash refund
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (transactionId) REFERENCES transactions (id),
  FOREIGN KEY (refundedBy) REFERENCES users (id),
  FOREIGN KEY (balanceTransactionId) REFERENCES balance_transactions (id)
);

CREATE INDEX idx_transaction_refunds_transaction ON transaction_refunds(transactionId);
CREATE INDEX idx_transaction_refunds_by_date ON transaction_refunds(refundedBy, createdAt);

CREATE TABLE shift_closings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  userId INTEGER NOT NULL,
  openedAt DATETIME, -- the previous close of this account; NULL for its first shift
  closedAt DATETIME NOT NULL,
  expectedCash INTEGER NOT NULL, -- paisa: the drawer's ledger balance at close
  countedCash INTEGER NOT NULL CHECK(countedCash >= 0), -- paisa
  difference INTEGER NOT NULL, -- paisa: counted − expected
  reason TEXT,
  adjustmentId INTEGER, -- the balance_transactions row that booked the difference
  handedOver INTEGER NOT NULL DEFAULT 0 CHECK(handedOver >= 0), -- paisa taken to the safe
  handoverId INTEGER,
  totals TEXT NOT NULL, -- JSON: per payment method, payments and refunds of the shift
  -- High-water marks: the shift covered this account's rows up to these ids; the next starts after.
  -- Ids, not times: two rows can share a timestamp, never an id.
  lastLedgerId INTEGER,
  lastTransactionId INTEGER,
  lastRefundId INTEGER,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,

  FOREIGN KEY (userId) REFERENCES users (id),
  FOREIGN KEY (adjustmentId) REFERENCES balance_transactions (id),
  FOREIGN KEY (handoverId) REFERENCES balance_transactions (id),
  CHECK(difference = countedCash - expectedCash),
  CHECK(difference = 0 OR (reason IS NOT NULL AND length(trim(reason)) > 0)),
  CHECK(handedOver <= countedCash)
);

CREATE INDEX idx_shift_closings_user_closed ON shift_closings(userId, closedAt);

-- Payments and refunds by the account that took them, for shift totals.
CREATE INDEX idx_transactions_user_created ON transactions(userId, createdAt);

CREATE TRIGGER transaction_refunds_no_update BEFORE UPDATE ON transaction_refunds
BEGIN SELECT RAISE(ABORT, 'transaction_refunds is append-only'); END;
CREATE TRIGGER transaction_refunds_no_delete BEFORE DELETE ON transaction_refunds
BEGIN SELECT RAISE(ABORT, 'transaction_refunds is append-only'); END;
CREATE TRIGGER shift_closings_no_update BEFORE UPDATE ON shift_closings
BEGIN SELECT RAISE(ABORT, 'shift_closings is append-only'); END;
CREATE TRIGGER shift_closings_no_delete BEFORE DELETE ON shift_closings
BEGIN SELECT RAISE(ABORT, 'shift_closings is append-only'); END;
