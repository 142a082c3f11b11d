-- Webhooks: each customer's endpoints and signing secret, the outbox of events owed, and the log of attempts.
-- Events enter the outbox through triggers, inside the transaction of the change they report, whichever write
-- function (or future code path) makes it: a crash can never separate a status from the webhook owed for it, and
-- the write functions pay nothing more than the trigger's check when no webhook is configured.

-- A message's own endpoint for its status events, instead of its customer's receipts URL.
ALTER TABLE messages ADD COLUMN callback_url text;

-- The secret is kept as given: the gateway signs with it, so it cannot be a one-way hash.
CREATE TABLE webhook_settings (
    customer_id bigint PRIMARY KEY REFERENCES customers (id),
    receipts_url text,
    mo_url text,
    secret text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- kind: 1 message.status, 2 mo.received. state: 0 pending, 1 delivered, 2 given up. next_attempt_at starts at the
-- epoch (due at once, ahead of retries); url is the message's own callback URL, or NULL for the customer's URL of
-- the kind as set when the attempt is made.
CREATE TABLE webhook_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    kind integer NOT NULL,
    message_id bigint,
    mo_id bigint,
    url text,
    status integer,
    error text,
    occurred_at timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts integer NOT NULL,
    first_attempt_at timestamptz,
    state integer NOT NULL,
    finished_at timestamptz
);
CREATE INDEX ix_webhook_events_due ON webhook_events (next_attempt_at, id) WHERE state = 0;
-- A message's pending events, for the order-per-message rule (a later event waits for the earlier one).
CREATE INDEX ix_webhook_events_message ON webhook_events (message_id, id) WHERE state = 0;
CREATE INDEX ix_webhook_events_customer ON webhook_events (customer_id, state);

-- outcome: 1 delivered, 2 retrying, 3 given up.
CREATE TABLE webhook_attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    attempt integer NOT NULL,
    at timestamptz NOT NULL,
    url text NOT NULL,
    http_status integer,
    error text,
    duration_us bigint NOT NULL,
    outcome integer NOT NULL
);
CREATE INDEX ix_webhook_attempts_customer ON webhook_attempts (customer_id, id);

-- message.status when a message leaves for its supplier (Enroute, 2) or becomes final (3 and above).
CREATE FUNCTION pigeon_message_webhook() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.callback_url IS NOT NULL
        OR EXISTS (SELECT 1 FROM webhook_settings w WHERE w.customer_id = NEW.customer_id AND w.receipts_url IS NOT NULL) THEN
        INSERT INTO webhook_events (customer_id, kind, message_id, url, status, error, occurred_at, next_attempt_at, attempts, state)
        VALUES (NEW.customer_id, 1, NEW.id, NEW.callback_url, NEW.status, NEW.error,
            CASE WHEN NEW.status >= 3 THEN COALESCE(NEW.done_at, NEW.created_at) ELSE COALESCE(NEW.submitted_at, NEW.created_at) END,
            'epoch', 0, 0);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_messages_webhook AFTER UPDATE OF status ON messages
FOR EACH ROW WHEN (NEW.status <> OLD.status AND NEW.status >= 2)
EXECUTE FUNCTION pigeon_message_webhook();

-- mo.received when an MO is stored for a customer with an MO URL.
CREATE FUNCTION pigeon_mo_webhook() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM webhook_settings w WHERE w.customer_id = NEW.customer_id AND w.mo_url IS NOT NULL) THEN
        INSERT INTO webhook_events (customer_id, kind, mo_id, occurred_at, next_attempt_at, attempts, state)
        VALUES (NEW.customer_id, 2, NEW.id, NEW.received_at, 'epoch', 0, 0);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_mo_messages_webhook AFTER INSERT ON mo_messages
FOR EACH ROW WHEN (NEW.customer_id IS NOT NULL)
EXECUTE FUNCTION pigeon_mo_webhook();

-- AcceptMessage gains the message's callback URL (last parameter); otherwise as in 0002_write_commands.sql.
DROP FUNCTION pigeon_accept_message(
    bigint, bigint, bigint, text, integer, integer, text, integer, integer, integer, text, integer, timestamptz, timestamptz,
    bigint, bigint, numeric, numeric, text, integer, text, timestamptz, timestamptz, timestamptz, bigint[], integer[], bytea[],
    integer[], integer[], integer[], integer[], integer[], bigint[], text[], integer[], integer[], boolean);
CREATE FUNCTION pigeon_accept_message(
    p_id bigint, p_customer bigint, p_account bigint, p_source text, p_source_ton integer, p_source_npi integer,
    p_destination text, p_data_coding integer, p_segments integer, p_part_count integer, p_reference text,
    p_registered integer, p_valid_until timestamptz, p_scheduled_at timestamptz, p_route bigint, p_supplier bigint,
    p_price numeric, p_charge numeric, p_currency text, p_status integer, p_error text, p_created_at timestamptz,
    p_submitted_at timestamptz, p_done_at timestamptz,
    p_part_ids bigint[], p_part_numbers integer[], p_bodies bytea[], p_esm_classes integer[], p_codings integer[],
    p_sar_references integer[], p_sar_totals integer[], p_sar_numbers integer[], p_part_suppliers bigint[],
    p_supplier_message_ids text[], p_part_statuses integer[], p_attempts integer[], p_defer_balance boolean,
    p_callback_url text)
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
BEGIN
    INSERT INTO messages (id, customer_id, smpp_account_id, source, source_ton, source_npi, destination, data_coding,
        segments, part_count, client_reference, registered_delivery, valid_until, scheduled_at, route_id, supplier_id,
        price_per_segment, charge, currency, status, error, created_at, submitted_at, done_at, callback_url)
    VALUES (p_id, p_customer, p_account, p_source, p_source_ton, p_source_npi, p_destination, p_data_coding, p_segments,
        p_part_count, p_reference, p_registered, p_valid_until, p_scheduled_at, p_route, p_supplier, p_price, p_charge,
        p_currency, p_status, p_error, p_created_at, p_submitted_at, p_done_at, p_callback_url);
    INSERT INTO message_parts (id, message_id, part_number, body, esm_class, data_coding, sar_reference,
        sar_total_segments, sar_segment_number, supplier_id, supplier_message_id, status, attempts)
    SELECT u.id, p_id, u.number, u.body, u.esm, u.coding, u.sar_ref, u.sar_total, u.sar_number, u.supplier, u.smid, u.status, u.attempts
    FROM unnest(p_part_ids, p_part_numbers, p_bodies, p_esm_classes, p_codings, p_sar_references, p_sar_totals,
        p_sar_numbers, p_part_suppliers, p_supplier_message_ids, p_part_statuses, p_attempts)
        AS u (id, number, body, esm, coding, sar_ref, sar_total, sar_number, supplier, smid, status, attempts);
    r.changed := true;
    r.count := 0;
    IF p_charge <> 0 AND p_defer_balance THEN
        INSERT INTO ledger_entries (customer_id, kind, amount, reason, message_id, created_at)
        VALUES (p_customer, 2, -p_charge, 'message charge', p_id, p_created_at);
    ELSIF p_charge <> 0 THEN
        r.balance := pigeon_move_balance(p_customer, 2, -p_charge, 'message charge', p_id, p_created_at);
    END IF;
    RETURN r;
END
$$;
