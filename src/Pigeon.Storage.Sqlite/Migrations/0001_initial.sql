-- Pigeon's schema on SQLite. Times are INTEGER microseconds since 1970-01-01 UTC; money is INTEGER millionths of
-- the currency unit (SQLite has no exact decimal type; six places hold any SMS price). STRICT tables refuse a value
-- of the wrong type instead of storing it.

CREATE TABLE customers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    currency TEXT NOT NULL,
    status INTEGER NOT NULL,
    -- The running sum of ledger_entries.amount, updated in the same transaction as every entry.
    balance INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    CONSTRAINT uq_customers_name UNIQUE (name)
) STRICT;

CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    kind INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    reason TEXT NOT NULL,
    message_id INTEGER,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_ledger_entries_customer ON ledger_entries (customer_id, id);

CREATE TABLE smpp_accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    system_id TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    bind_enabled INTEGER NOT NULL,
    submit_enabled INTEGER NOT NULL,
    max_binds INTEGER NOT NULL,
    tps INTEGER NOT NULL,
    -- One address, CIDR range or number prefix a line.
    allowed_ips TEXT NOT NULL,
    closed_user_group TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT uq_smpp_accounts_system_id UNIQUE (system_id)
) STRICT;
CREATE INDEX ix_smpp_accounts_customer ON smpp_accounts (customer_id);

CREATE TABLE sender_ids (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    value TEXT NOT NULL,
    active INTEGER NOT NULL,
    CONSTRAINT uq_sender_ids_value UNIQUE (customer_id, value)
) STRICT;

CREATE TABLE inbound_numbers (
    number TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    smpp_account_id INTEGER REFERENCES smpp_accounts (id) ON DELETE SET NULL,
    CONSTRAINT uq_inbound_numbers_number PRIMARY KEY (number)
) STRICT;
CREATE INDEX ix_inbound_numbers_customer ON inbound_numbers (customer_id);

CREATE TABLE suppliers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    system_id TEXT NOT NULL,
    password TEXT NOT NULL,
    system_type TEXT NOT NULL,
    binds INTEGER NOT NULL,
    window_size INTEGER NOT NULL,
    tps INTEGER NOT NULL,
    use_tls INTEGER NOT NULL,
    admin_up INTEGER NOT NULL,
    submit_suspended INTEGER NOT NULL,
    CONSTRAINT uq_suppliers_name UNIQUE (name)
) STRICT;

CREATE TABLE routes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    prefix TEXT NOT NULL,
    customer_id INTEGER REFERENCES customers (id),
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    price INTEGER NOT NULL,
    currency TEXT NOT NULL,
    priority INTEGER NOT NULL,
    enabled INTEGER NOT NULL
) STRICT;

-- Message ids are made by the gateway (time-ordered 64-bit), so no AUTOINCREMENT.
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    smpp_account_id INTEGER,
    source TEXT NOT NULL,
    source_ton INTEGER NOT NULL,
    source_npi INTEGER NOT NULL,
    destination TEXT NOT NULL,
    data_coding INTEGER NOT NULL,
    segments INTEGER NOT NULL,
    part_count INTEGER NOT NULL,
    client_reference TEXT,
    registered_delivery INTEGER NOT NULL,
    valid_until INTEGER,
    scheduled_at INTEGER,
    route_id INTEGER,
    supplier_id INTEGER,
    price_per_segment INTEGER NOT NULL,
    charge INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status INTEGER NOT NULL,
    error TEXT,
    created_at INTEGER NOT NULL,
    submitted_at INTEGER,
    done_at INTEGER
) STRICT;
CREATE INDEX ix_messages_customer ON messages (customer_id, id);
CREATE INDEX ix_messages_created ON messages (created_at);

CREATE TABLE message_parts (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL,
    part_number INTEGER NOT NULL,
    body BLOB NOT NULL,
    esm_class INTEGER NOT NULL,
    data_coding INTEGER NOT NULL,
    sar_reference INTEGER,
    sar_total_segments INTEGER,
    sar_segment_number INTEGER,
    supplier_id INTEGER,
    supplier_message_id TEXT,
    status INTEGER NOT NULL,
    attempts INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_message_parts_message ON message_parts (message_id);
-- The dispatch queues: Accepted parts per supplier in id order, without the millions of finished ones.
CREATE INDEX ix_message_parts_queue ON message_parts (supplier_id, id) WHERE status = 1;

-- The supplier id map: (supplier, normalised supplier message id) -> part. A supplier that reuses ids maps the
-- newest part.
CREATE TABLE supplier_message_ids (
    supplier_id INTEGER NOT NULL,
    match_key TEXT NOT NULL,
    part_id INTEGER NOT NULL,
    PRIMARY KEY (supplier_id, match_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE receipts (
    id INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL,
    supplier_message_id TEXT NOT NULL,
    status INTEGER NOT NULL,
    error TEXT,
    done_at INTEGER,
    received_at INTEGER NOT NULL,
    part_id INTEGER
) STRICT;
CREATE INDEX ix_receipts_unmatched ON receipts (supplier_id, id) WHERE part_id IS NULL;

-- Lookup keys of receipts waiting for their id map; removed once matched.
CREATE TABLE receipt_waits (
    supplier_id INTEGER NOT NULL,
    match_key TEXT NOT NULL,
    receipt_id INTEGER NOT NULL,
    PRIMARY KEY (supplier_id, match_key, receipt_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_receipt_waits_receipt ON receipt_waits (receipt_id);

CREATE TABLE message_events (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL,
    part_id INTEGER,
    kind INTEGER NOT NULL,
    status INTEGER,
    supplier_id INTEGER,
    detail TEXT,
    at INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_message_events_message ON message_events (message_id, id);

CREATE TABLE customer_receipts (
    id INTEGER PRIMARY KEY,
    smpp_account_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    status INTEGER NOT NULL,
    error TEXT,
    source TEXT NOT NULL,
    destination TEXT NOT NULL,
    destination_ton INTEGER NOT NULL,
    destination_npi INTEGER NOT NULL,
    submitted_at INTEGER NOT NULL,
    done_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER,
    expired_at INTEGER
) STRICT;
CREATE INDEX ix_customer_receipts_pending ON customer_receipts (smpp_account_id, id) WHERE delivered_at IS NULL AND expired_at IS NULL;
CREATE INDEX ix_customer_receipts_pending_age ON customer_receipts (created_at) WHERE delivered_at IS NULL AND expired_at IS NULL;

CREATE TABLE mo_messages (
    id INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL,
    source TEXT NOT NULL,
    source_ton INTEGER NOT NULL,
    source_npi INTEGER NOT NULL,
    destination TEXT NOT NULL,
    esm_class INTEGER NOT NULL,
    data_coding INTEGER NOT NULL,
    body BLOB NOT NULL,
    customer_id INTEGER,
    smpp_account_id INTEGER,
    received_at INTEGER NOT NULL,
    delivered_at INTEGER
) STRICT;
CREATE INDEX ix_mo_messages_pending ON mo_messages (customer_id, id) WHERE delivered_at IS NULL;
