-- Webhooks: each customer's endpoints and signing secret, the outbox of events owed, and the log of attempts.
-- Events enter the outbox through triggers, inside the transaction of the change they report, whichever write
-- command (or future code path) makes it: a crash can never separate a status from the webhook owed for it, and
-- the write commands pay nothing more than the trigger's check when no webhook is configured.

-- A message's own endpoint for its status events, instead of its customer's receipts URL.
ALTER TABLE messages ADD COLUMN callback_url TEXT;

-- The secret is kept as given: the gateway signs with it, so it cannot be a one-way hash.
CREATE TABLE webhook_settings (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
    receipts_url TEXT,
    mo_url TEXT,
    secret TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- kind: 1 message.status, 2 mo.received. state: 0 pending, 1 delivered, 2 given up. next_attempt_at starts at 0
-- (due at once, ahead of retries); url is the message's own callback URL, or NULL for the customer's URL of the
-- kind as set when the attempt is made.
CREATE TABLE webhook_events (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    message_id INTEGER,
    mo_id INTEGER,
    url TEXT,
    status INTEGER,
    error TEXT,
    occurred_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    first_attempt_at INTEGER,
    state INTEGER NOT NULL,
    finished_at INTEGER
) STRICT;
CREATE INDEX ix_webhook_events_due ON webhook_events (next_attempt_at, id) WHERE state = 0;
-- A message's pending events, for the order-per-message rule (a later event waits for the earlier one).
CREATE INDEX ix_webhook_events_message ON webhook_events (message_id, id) WHERE state = 0;
CREATE INDEX ix_webhook_events_customer ON webhook_events (customer_id, state);

-- outcome: 1 delivered, 2 retrying, 3 given up.
CREATE TABLE webhook_attempts (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    at INTEGER NOT NULL,
    url TEXT NOT NULL,
    http_status INTEGER,
    error TEXT,
    duration_us INTEGER NOT NULL,
    outcome INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_webhook_attempts_customer ON webhook_attempts (customer_id, id);

-- message.status when a message leaves for its supplier (Enroute, 2) or becomes final (3 and above).
CREATE TRIGGER tr_messages_webhook AFTER UPDATE OF status ON messages
WHEN NEW.status <> OLD.status AND NEW.status >= 2
BEGIN
    INSERT INTO webhook_events (customer_id, kind, message_id, url, status, error, occurred_at, next_attempt_at, attempts, state)
    SELECT NEW.customer_id, 1, NEW.id, NEW.callback_url, NEW.status, NEW.error,
        CASE WHEN NEW.status >= 3 THEN COALESCE(NEW.done_at, NEW.created_at) ELSE COALESCE(NEW.submitted_at, NEW.created_at) END,
        0, 0, 0
    WHERE NEW.callback_url IS NOT NULL
        OR EXISTS (SELECT 1 FROM webhook_settings w WHERE w.customer_id = NEW.customer_id AND w.receipts_url IS NOT NULL);
END;

-- mo.received when an MO is stored for a customer with an MO URL.
CREATE TRIGGER tr_mo_messages_webhook AFTER INSERT ON mo_messages
WHEN NEW.customer_id IS NOT NULL
BEGIN
    INSERT INTO webhook_events (customer_id, kind, mo_id, occurred_at, next_attempt_at, attempts, state)
    SELECT NEW.customer_id, 2, NEW.id, NEW.received_at, 0, 0, 0
    WHERE EXISTS (SELECT 1 FROM webhook_settings w WHERE w.customer_id = NEW.customer_id AND w.mo_url IS NOT NULL);
END;
