-- The write commands of the storage contract as functions, so a whole group-commit batch travels to the server as
-- one pipelined NpgsqlBatch: one statement per command, each returning one pigeon_write_result row. The rules are
-- those of the SQLite executor and of Pigeon.Gateway.Storage (MessageStatusRollup, RegisteredDeliveryPolicy);
-- the one contract test suite holds both engines to them. Status numbers: 1 Accepted, 2 Enroute, 3 Delivered,
-- 4 Expired, 5 Deleted, 6 Undeliverable, 7 Rejected, 8 Unknown; 3 and above are final.

CREATE TYPE pigeon_write_result AS (
    changed boolean,
    id bigint,
    part_id bigint,
    finished_message_id bigint,
    finished_status integer,
    notify_account bigint,
    balance numeric(24,6),
    count integer
);

-- The message's status from its parts' (MessageStatusRollup).
CREATE FUNCTION pigeon_rollup(p_message bigint) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN bool_and(status >= 3) THEN
            CASE
                WHEN bool_and(status = 3) THEN 3
                WHEN bool_or(status = 7) THEN 7
                WHEN bool_or(status = 6) THEN 6
                WHEN bool_or(status = 4) THEN 4
                WHEN bool_or(status = 5) THEN 5
                ELSE 8
            END
        WHEN bool_or(status <> 1) THEN 2
        ELSE 1
    END
    FROM message_parts WHERE message_id = p_message
$$;

-- registered_delivery bits 1-0: 01 receipt on any final state, 10 on failure only (RegisteredDeliveryPolicy).
CREATE FUNCTION pigeon_receipt_owed(p_registered integer, p_status integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_registered & 3
        WHEN 1 THEN p_status >= 3
        WHEN 2 THEN p_status >= 3 AND p_status <> 3
        ELSE false
    END
$$;

-- Moves a customer's balance and appends the ledger entry for it; returns the new balance.
CREATE FUNCTION pigeon_move_balance(p_customer bigint, p_kind integer, p_amount numeric, p_reason text, p_message bigint, p_at timestamptz)
RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
    v_balance numeric;
BEGIN
    UPDATE customers SET balance = balance + p_amount WHERE id = p_customer RETURNING balance INTO v_balance;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'No customer %.', p_customer;
    END IF;
    INSERT INTO ledger_entries (customer_id, kind, amount, reason, message_id, created_at)
    VALUES (p_customer, p_kind, p_amount, p_reason, p_message, p_at);
    RETURN v_balance;
END
$$;

-- A final status for a part, once; the event; the roll-up; the customer's receipt when the message became final.
-- p_at is when the status was reached (a receipt's done date), p_recorded_at when Pigeon learnt it.
CREATE FUNCTION pigeon_apply_part_status(
    p_part bigint, p_status integer, p_error text, p_at timestamptz, p_recorded_at timestamptz, p_kind integer, p_supplier bigint,
    OUT o_changed boolean, OUT o_message bigint, OUT o_finished_status integer, OUT o_notify_account bigint)
LANGUAGE plpgsql AS $$
DECLARE
    v_combined integer;
    v_message messages%ROWTYPE;
BEGIN
    o_changed := false;
    IF p_status < 3 THEN
        RETURN;
    END IF;
    UPDATE message_parts SET status = p_status WHERE id = p_part AND status < 3 RETURNING message_id INTO o_message;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    o_changed := true;
    INSERT INTO message_events (message_id, part_id, kind, status, supplier_id, detail, at)
    VALUES (o_message, p_part, p_kind, p_status, p_supplier, p_error, p_recorded_at);
    v_combined := pigeon_rollup(o_message);
    IF v_combined < 3 THEN
        IF v_combined = 2 THEN
            UPDATE messages SET status = 2 WHERE id = o_message AND status = 1;
        END IF;
        RETURN;
    END IF;
    UPDATE messages SET status = v_combined, error = COALESCE(p_error, error), done_at = p_at
    WHERE id = o_message AND status < 3
    RETURNING * INTO v_message;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    o_finished_status := v_combined;
    IF v_message.smpp_account_id IS NOT NULL AND pigeon_receipt_owed(v_message.registered_delivery, v_combined) THEN
        INSERT INTO customer_receipts (smpp_account_id, message_id, status, error, source, destination, destination_ton,
            destination_npi, submitted_at, done_at, created_at)
        VALUES (v_message.smpp_account_id, v_message.id, v_combined, v_message.error, v_message.destination, v_message.source,
            v_message.source_ton, v_message.source_npi, v_message.created_at, p_at, p_recorded_at);
        o_notify_account := v_message.smpp_account_id;
    END IF;
END
$$;

-- AcceptMessage: the message, its parts (as parallel arrays), the charge. With p_defer_balance the ledger entry is
-- written but the running balance is left to pigeon_add_to_balance once per customer at the end of the batch: a
-- bulk sender's customer row is then updated once a transaction instead of once a message (each update of one row
-- leaves a row version behind that the next update of that transaction must step over).
CREATE FUNCTION pigeon_accept_message(
    p_id bigint, p_customer bigint, p_account bigint, p_source text, p_source_ton integer, p_source_npi integer,
    p_destination text, p_data_coding integer, p_segments integer, p_part_count integer, p_reference text,
    p_registered integer, p_valid_until timestamptz, p_scheduled_at timestamptz, p_route bigint, p_supplier bigint,
    p_price numeric, p_charge numeric, p_currency text, p_status integer, p_error text, p_created_at timestamptz,
    p_submitted_at timestamptz, p_done_at timestamptz,
    p_part_ids bigint[], p_part_numbers integer[], p_bodies bytea[], p_esm_classes integer[], p_codings integer[],
    p_sar_references integer[], p_sar_totals integer[], p_sar_numbers integer[], p_part_suppliers bigint[],
    p_supplier_message_ids text[], p_part_statuses integer[], p_attempts integer[], p_defer_balance boolean)
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
BEGIN
    INSERT INTO messages (id, customer_id, smpp_account_id, source, source_ton, source_npi, destination, data_coding,
        segments, part_count, client_reference, registered_delivery, valid_until, scheduled_at, route_id, supplier_id,
        price_per_segment, charge, currency, status, error, created_at, submitted_at, done_at)
    VALUES (p_id, p_customer, p_account, p_source, p_source_ton, p_source_npi, p_destination, p_data_coding, p_segments,
        p_part_count, p_reference, p_registered, p_valid_until, p_scheduled_at, p_route, p_supplier, p_price, p_charge,
        p_currency, p_status, p_error, p_created_at, p_submitted_at, p_done_at);
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

-- The running balance for the ledger entries a batch wrote with p_defer_balance.
CREATE FUNCTION pigeon_add_to_balance(p_customer bigint, p_amount numeric) RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
BEGIN
    UPDATE customers SET balance = balance + p_amount WHERE id = p_customer RETURNING balance INTO r.balance;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'No customer %.', p_customer;
    END IF;
    r.changed := true;
    r.count := 0;
    RETURN r;
END
$$;

-- RecordSupplierAccepted: Enroute, the id map, and receipts that were waiting for it.
CREATE FUNCTION pigeon_record_supplier_accepted(p_part bigint, p_supplier bigint, p_supplier_message_id text, p_key text, p_at timestamptz)
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_message bigint;
    v_receipt record;
    a record;
BEGIN
    r.changed := false;
    r.count := 0;
    UPDATE message_parts SET status = 2, supplier_id = p_supplier, supplier_message_id = p_supplier_message_id, attempts = attempts + 1
    WHERE id = p_part AND status = 1
    RETURNING message_id INTO v_message;
    IF NOT FOUND THEN
        RETURN r;
    END IF;
    r.changed := true;
    UPDATE messages SET status = 2, supplier_id = p_supplier, submitted_at = COALESCE(submitted_at, p_at) WHERE id = v_message AND status = 1;
    INSERT INTO supplier_message_ids (supplier_id, match_key, part_id) VALUES (p_supplier, p_key, p_part)
    ON CONFLICT (supplier_id, match_key) DO UPDATE SET part_id = EXCLUDED.part_id;
    INSERT INTO message_events (message_id, part_id, kind, status, supplier_id, detail, at)
    VALUES (v_message, p_part, 1, 2, p_supplier, p_supplier_message_id, p_at);
    FOR v_receipt IN
        SELECT rc.id, rc.status, rc.error, COALESCE(rc.done_at, rc.received_at) AS at
        FROM receipt_waits w JOIN receipts rc ON rc.id = w.receipt_id
        WHERE w.supplier_id = p_supplier AND w.match_key = p_key
        ORDER BY rc.id
    LOOP
        UPDATE receipts SET part_id = p_part WHERE id = v_receipt.id;
        DELETE FROM receipt_waits WHERE receipt_id = v_receipt.id;
        SELECT * INTO a FROM pigeon_apply_part_status(p_part, v_receipt.status, v_receipt.error, v_receipt.at, p_at, 3, p_supplier);
        r.count := r.count + 1;
        IF a.o_finished_status IS NOT NULL THEN
            r.finished_message_id := a.o_message;
            r.finished_status := a.o_finished_status;
        END IF;
        r.notify_account := COALESCE(a.o_notify_account, r.notify_account);
    END LOOP;
    RETURN r;
END
$$;

-- StoreReceipt: always kept; matched by any lookup key; applied when matched, else waiting under its keys.
CREATE FUNCTION pigeon_store_receipt(
    p_supplier bigint, p_supplier_message_id text, p_status integer, p_error text, p_done_at timestamptz,
    p_received_at timestamptz, p_keys text[])
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_part bigint;
    a record;
BEGIN
    r.changed := false;
    r.count := 0;
    SELECT part_id INTO v_part FROM supplier_message_ids
    WHERE supplier_id = p_supplier AND match_key = ANY (p_keys)
    ORDER BY part_id DESC LIMIT 1;
    INSERT INTO receipts (supplier_id, supplier_message_id, status, error, done_at, received_at, part_id)
    VALUES (p_supplier, p_supplier_message_id, p_status, p_error, p_done_at, p_received_at, v_part)
    RETURNING id INTO r.id;
    IF v_part IS NULL THEN
        INSERT INTO receipt_waits (supplier_id, match_key, receipt_id)
        SELECT p_supplier, k, r.id FROM unnest(p_keys) AS k
        ON CONFLICT DO NOTHING;
        RETURN r;
    END IF;
    r.part_id := v_part;
    SELECT * INTO a FROM pigeon_apply_part_status(v_part, p_status, p_error, COALESCE(p_done_at, p_received_at), p_received_at, 3, p_supplier);
    r.changed := a.o_changed;
    IF a.o_finished_status IS NOT NULL THEN
        r.finished_message_id := a.o_message;
        r.finished_status := a.o_finished_status;
    END IF;
    r.notify_account := a.o_notify_account;
    RETURN r;
END
$$;

-- FinishPart: Pigeon ends a part; the refund only when the part really changed.
CREATE FUNCTION pigeon_finish_part(p_part bigint, p_status integer, p_error text, p_refund numeric, p_at timestamptz)
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    a record;
    v_customer bigint;
BEGIN
    IF p_status < 3 THEN
        RAISE EXCEPTION 'FinishPart needs a final status, not %.', p_status;
    END IF;
    r.count := 0;
    r.part_id := p_part;
    SELECT * INTO a FROM pigeon_apply_part_status(p_part, p_status, p_error, p_at, p_at, 4, NULL);
    r.changed := a.o_changed;
    IF a.o_finished_status IS NOT NULL THEN
        r.finished_message_id := a.o_message;
        r.finished_status := a.o_finished_status;
    END IF;
    r.notify_account := a.o_notify_account;
    IF a.o_changed AND p_refund > 0 THEN
        SELECT customer_id INTO v_customer FROM messages WHERE id = a.o_message;
        r.balance := pigeon_move_balance(v_customer, 3, p_refund,
            CASE WHEN p_error IS NULL THEN 'message refund' ELSE 'message refund: ' || p_error END, a.o_message, p_at);
    END IF;
    RETURN r;
END
$$;

-- RecordFailover: a queued part moves to the next supplier's queue.
CREATE FUNCTION pigeon_record_failover(p_part bigint, p_from bigint, p_to bigint, p_reason text, p_at timestamptz)
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_message bigint;
BEGIN
    r.changed := false;
    r.count := 0;
    UPDATE message_parts SET supplier_id = p_to, attempts = attempts + 1
    WHERE id = p_part AND supplier_id = p_from AND status = 1
    RETURNING message_id INTO v_message;
    IF NOT FOUND THEN
        RETURN r;
    END IF;
    UPDATE messages SET supplier_id = p_to WHERE id = v_message;
    INSERT INTO message_events (message_id, part_id, kind, status, supplier_id, detail, at)
    VALUES (v_message, p_part, 2, 1, p_to, p_reason, p_at);
    r.changed := true;
    RETURN r;
END
$$;

CREATE FUNCTION pigeon_enqueue_customer_receipt(
    p_account bigint, p_message bigint, p_status integer, p_error text, p_source text, p_destination text,
    p_destination_ton integer, p_destination_npi integer, p_submitted_at timestamptz, p_done_at timestamptz, p_created_at timestamptz)
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
BEGIN
    INSERT INTO customer_receipts (smpp_account_id, message_id, status, error, source, destination, destination_ton,
        destination_npi, submitted_at, done_at, created_at)
    VALUES (p_account, p_message, p_status, p_error, p_source, p_destination, p_destination_ton, p_destination_npi,
        p_submitted_at, p_done_at, p_created_at)
    RETURNING id INTO r.id;
    r.changed := true;
    r.count := 0;
    RETURN r;
END
$$;

CREATE FUNCTION pigeon_mark_customer_receipt_delivered(p_id bigint, p_at timestamptz) RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_rows integer;
BEGIN
    UPDATE customer_receipts SET delivered_at = p_at WHERE id = p_id AND delivered_at IS NULL AND expired_at IS NULL;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    r.changed := v_rows > 0;
    r.count := 0;
    RETURN r;
END
$$;

CREATE FUNCTION pigeon_expire_customer_receipts(p_before timestamptz, p_at timestamptz) RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_rows integer;
BEGIN
    UPDATE customer_receipts SET expired_at = p_at WHERE created_at < p_before AND delivered_at IS NULL AND expired_at IS NULL;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    r.changed := v_rows > 0;
    r.count := v_rows;
    RETURN r;
END
$$;

CREATE FUNCTION pigeon_store_mo(
    p_supplier bigint, p_source text, p_source_ton integer, p_source_npi integer, p_destination text, p_esm_class integer,
    p_data_coding integer, p_body bytea, p_customer bigint, p_account bigint, p_received_at timestamptz)
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
BEGIN
    INSERT INTO mo_messages (supplier_id, source, source_ton, source_npi, destination, esm_class, data_coding, body,
        customer_id, smpp_account_id, received_at)
    VALUES (p_supplier, p_source, p_source_ton, p_source_npi, p_destination, p_esm_class, p_data_coding, p_body,
        p_customer, p_account, p_received_at)
    RETURNING id INTO r.id;
    r.changed := true;
    r.count := 0;
    RETURN r;
END
$$;

CREATE FUNCTION pigeon_mark_mo_delivered(p_id bigint, p_at timestamptz) RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_rows integer;
BEGIN
    UPDATE mo_messages SET delivered_at = p_at WHERE id = p_id AND delivered_at IS NULL;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    r.changed := v_rows > 0;
    r.count := 0;
    RETURN r;
END
$$;
