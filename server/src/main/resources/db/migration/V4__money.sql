-- Money (issue 10): a double-entry ledger in integer e9s, escrow per contract, rental terms
-- (auto-renew, the current paid period) and reviews. Portable SQL for SQLite and PostgreSQL.

-- One row per account: 'wallet:<pubkey>' or 'escrow:<contract_id>'. The balance is a running
-- total the ledger check recomputes from ledger_entries; the CHECK makes a negative balance
-- impossible even for a bug that skipped the conditional debit.
CREATE TABLE ledger_accounts (
  account TEXT PRIMARY KEY,
  balance_e9s BIGINT NOT NULL,
  updated_at_ns BIGINT NOT NULL,
  CONSTRAINT ledger_accounts_non_negative CHECK (balance_e9s >= 0)
);

-- One row per movement, debit and credit in the same row, so every entry balances by
-- construction. from_account NULL = money entering (a deposit), to_account NULL = money leaving (a
-- withdrawal). once_key makes a settlement happen at most once even if two servers race.
CREATE TABLE ledger_entries (
  id ${id_pk},
  entry_type TEXT NOT NULL,
  from_account TEXT REFERENCES ledger_accounts (account),
  to_account TEXT REFERENCES ledger_accounts (account),
  amount_e9s BIGINT NOT NULL,
  from_balance_after_e9s BIGINT,
  to_balance_after_e9s BIGINT,
  contract_id TEXT,
  reference TEXT,
  once_key TEXT,
  created_at_ns BIGINT NOT NULL,
  CONSTRAINT ledger_entries_positive CHECK (amount_e9s > 0),
  CONSTRAINT ledger_entries_two_sided CHECK (from_account IS NOT NULL OR to_account IS NOT NULL),
  CONSTRAINT ledger_entries_once_uq UNIQUE (once_key)
);
CREATE INDEX ledger_entries_from_idx ON ledger_entries (from_account, id);
CREATE INDEX ledger_entries_to_idx ON ledger_entries (to_account, id);
CREATE INDEX ledger_entries_contract_idx ON ledger_entries (contract_id, id);

-- What a rental has paid for: the current period (start..contracts.end_timestamp_ns), the term an
-- auto-renewal buys, and whether it renews.
CREATE TABLE rental_terms (
  contract_id TEXT PRIMARY KEY REFERENCES contracts (contract_id),
  auto_renew BOOLEAN NOT NULL,
  term_hours BIGINT NOT NULL,
  period_start_ns BIGINT NOT NULL,
  renewals INTEGER NOT NULL,
  updated_at_ns BIGINT NOT NULL
);

-- One review per rental, by its renter, after it ended.
CREATE TABLE reviews (
  contract_id TEXT PRIMARY KEY REFERENCES contracts (contract_id),
  provider_pubkey TEXT NOT NULL,
  renter_pubkey TEXT NOT NULL,
  rating INTEGER NOT NULL,
  review_comment TEXT,
  created_at_ns BIGINT NOT NULL,
  CONSTRAINT reviews_rating_range CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX reviews_provider_idx ON reviews (provider_pubkey);

-- the lifecycle sweeper: requests past their expiry, provisioning past its timeout
CREATE INDEX contracts_status_updated_idx ON contracts (status, status_updated_at_ns);
