-- API keys for the HTTP APIs: the public prefix finds the key, the SHA-256 of the whole token verifies it.
-- customer_id NULL is an operator key.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER REFERENCES customers (id),
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    allowed_ips TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER,
    CONSTRAINT uq_api_keys_prefix UNIQUE (prefix)
) STRICT;
CREATE INDEX ix_api_keys_customer ON api_keys (customer_id);

-- Keyed requests (Idempotency-Key, per-day client references): one answer per customer and key.
CREATE TABLE request_keys (
    customer_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (customer_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_request_keys_created ON request_keys (created_at);
