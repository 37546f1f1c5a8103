-- Accounts (issue 9), in Decent Cloud's shape (api/migrations_pg/001_schema.sql:255-318 at
-- 13dda9de) cut to what this server uses: one signing key per account, a username unique
-- case-insensitively (username_lower carries that uniqueness portably), an e-mail address and
-- whether it was verified. Portable SQL for SQLite and PostgreSQL.
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  username_lower TEXT NOT NULL,
  email TEXT NOT NULL,
  email_verified BOOLEAN NOT NULL,
  pubkey TEXT NOT NULL,
  key_id TEXT NOT NULL,
  created_at_ns BIGINT NOT NULL,
  updated_at_ns BIGINT NOT NULL,
  CONSTRAINT accounts_username_uq UNIQUE (username_lower),
  CONSTRAINT accounts_pubkey_uq UNIQUE (pubkey)
);

-- Decent Cloud's offering fields for billing (api/src/database/offerings.rs:101-112): every
-- offering there has a billing unit and says whether it is a subscription. This server prices
-- every rental pro rata per hour from monthly_price whatever they say; it stores and shows them.
ALTER TABLE offerings ADD COLUMN billing_unit TEXT;
ALTER TABLE offerings ADD COLUMN is_subscription BOOLEAN;
