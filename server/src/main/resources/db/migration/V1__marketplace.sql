-- One history for SQLite and PostgreSQL. The only dialect difference (an auto-increment key) is the
-- Flyway placeholder ${id_pk}; everything else is portable SQL (TEXT, BIGINT, INTEGER, BOOLEAN).

CREATE TABLE offerings (
  id ${id_pk},
  pubkey TEXT NOT NULL,
  offering_id TEXT NOT NULL,
  offer_name TEXT NOT NULL,
  description TEXT,
  product_type TEXT NOT NULL,
  currency TEXT NOT NULL,
  monthly_price_e9s BIGINT NOT NULL,
  setup_fee_e9s BIGINT,
  visibility TEXT NOT NULL,
  stock_status TEXT NOT NULL,
  processor_brand TEXT,
  processor_cores INTEGER,
  processor_name TEXT,
  memory_amount TEXT,
  memory_gb BIGINT,
  total_ssd_capacity TEXT,
  ssd_gb BIGINT,
  total_hdd_capacity TEXT,
  hdd_gb BIGINT,
  uplink_speed TEXT,
  unmetered_bandwidth BOOLEAN,
  datacenter_country TEXT,
  datacenter_city TEXT,
  gpu_name TEXT,
  gpu_count INTEGER,
  gpu_memory_gb INTEGER,
  min_contract_hours BIGINT,
  max_contract_hours BIGINT,
  operating_systems TEXT,
  billing_interval TEXT,
  is_draft BOOLEAN NOT NULL,
  trust_score INTEGER,
  created_at_ns BIGINT NOT NULL,
  CONSTRAINT offerings_provider_offering_uq UNIQUE (pubkey, offering_id)
);
-- the listing order (price, id) and the common filters
CREATE INDEX offerings_price_idx ON offerings (monthly_price_e9s, id);
CREATE INDEX offerings_type_price_idx ON offerings (product_type, monthly_price_e9s, id);
CREATE INDEX offerings_country_idx ON offerings (datacenter_country);

CREATE TABLE contracts (
  contract_id TEXT PRIMARY KEY,
  requester_pubkey TEXT NOT NULL,
  requester_ssh_pubkey TEXT NOT NULL,
  requester_contact TEXT NOT NULL,
  provider_pubkey TEXT NOT NULL,
  offering_db_id BIGINT NOT NULL REFERENCES offerings (id),
  offering_id TEXT NOT NULL,
  offering_name TEXT NOT NULL,
  payment_amount_e9s BIGINT NOT NULL,
  currency TEXT NOT NULL,
  payment_method TEXT NOT NULL,
  payment_status TEXT NOT NULL,
  start_timestamp_ns BIGINT NOT NULL,
  end_timestamp_ns BIGINT NOT NULL,
  duration_hours BIGINT NOT NULL,
  request_memo TEXT,
  operating_system TEXT,
  buyer_address TEXT,
  created_at_ns BIGINT NOT NULL,
  status TEXT NOT NULL,
  status_updated_at_ns BIGINT NOT NULL
);
CREATE INDEX contracts_requester_idx ON contracts (requester_pubkey, created_at_ns);
CREATE INDEX contracts_provider_idx ON contracts (provider_pubkey, status, created_at_ns);
-- the completion sweeper: active contracts past their end
CREATE INDEX contracts_status_end_idx ON contracts (status, end_timestamp_ns);

CREATE TABLE contract_status_history (
  id ${id_pk},
  contract_id TEXT NOT NULL REFERENCES contracts (contract_id),
  old_status TEXT,
  new_status TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at_ns BIGINT NOT NULL,
  memo TEXT
);
CREATE INDEX contract_status_history_contract_idx ON contract_status_history (contract_id, id);

CREATE TABLE contract_events (
  id ${id_pk},
  contract_id TEXT NOT NULL REFERENCES contracts (contract_id),
  event_type TEXT NOT NULL,
  old_status TEXT,
  new_status TEXT,
  actor TEXT NOT NULL,
  details TEXT,
  created_at_ns BIGINT NOT NULL
);
CREATE INDEX contract_events_contract_idx ON contract_events (contract_id, id);

-- the connection details a provider reported, with root_password already removed
CREATE TABLE contract_provisioning (
  contract_id TEXT PRIMARY KEY REFERENCES contracts (contract_id),
  instance_details TEXT NOT NULL,
  provisioned_at_ns BIGINT NOT NULL
);

-- root_password sealed to the renter (protocol section 7); never stored in plain text
CREATE TABLE contract_credentials (
  contract_id TEXT PRIMARY KEY REFERENCES contracts (contract_id),
  encrypted_json TEXT NOT NULL,
  created_at_ns BIGINT NOT NULL
);

CREATE TABLE notifications (
  id ${id_pk},
  user_pubkey TEXT NOT NULL,
  notification_type TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  contract_id TEXT REFERENCES contracts (contract_id),
  read_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX notifications_user_idx ON notifications (user_pubkey, id);

CREATE TABLE provider_settings (
  pubkey TEXT PRIMARY KEY,
  auto_accept BOOLEAN NOT NULL,
  updated_at_ns BIGINT NOT NULL
);

-- replay protection shared by every server process on this database (protocol section 9)
CREATE TABLE seen_nonces (
  pubkey TEXT NOT NULL,
  nonce TEXT NOT NULL,
  seen_at_ns BIGINT NOT NULL,
  PRIMARY KEY (pubkey, nonce)
);
CREATE INDEX seen_nonces_seen_at_idx ON seen_nonces (seen_at_ns);

CREATE TABLE idempotency_keys (
  signer TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  contract_id TEXT,
  response_status INTEGER,
  response_body TEXT,
  created_at_ns BIGINT NOT NULL,
  PRIMARY KEY (signer, idem_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at_ns);

-- token buckets that must be shared between processes (per-signer limit on POST /contracts)
CREATE TABLE rate_limit_buckets (
  bucket_key TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  updated_at_ns BIGINT NOT NULL
);
