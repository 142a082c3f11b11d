-- The receipt path, measured under load (pg_stat_statements, auto_explain):
--
-- 1. pigeon_store_receipt looked its part up with "match_key = ANY (p_keys) ORDER BY part_id DESC LIMIT 1". PL/pgSQL
--    caches one generic plan per connection; planned while supplier_message_ids was nearly empty, that plan scanned
--    every row of the supplier and filtered on the key, so each lookup cost more as the map grew (0.5 ms and rising
--    in a 70,000-message run). Each key is now looked up by the whole primary key, which has one plan whatever the
--    table's size.
-- 2. The same cache chose a partial index for look-ups by primary key: "UPDATE message_parts ... WHERE id = p_part
--    AND status = 1" matches the predicate of ix_message_parts_queue (status = 1), whose leading column is
--    supplier_id, so the generic plan walked the whole queue index, including the entries of every part sent since
--    the last vacuum (0.2 ms and rising). Look-ups by id now say what they mean in a form no partial index's
--    predicate matches ("status <= 1": 1, Accepted, is the lowest status; or the row read by id alone before it is
--    changed), so only the primary key can serve them.
-- 3. pigeon_apply_part_status summed a message's parts (pigeon_rollup) for every final part. A one-part message's
--    status is its part's, so the roll-up runs only for messages of several parts.

CREATE OR REPLACE FUNCTION pigeon_store_receipt(
    p_supplier bigint, p_supplier_message_id text, p_status integer, p_error text, p_done_at timestamptz,
    p_received_at timestamptz, p_keys text[])
RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_part bigint;
    v_found bigint;
    v_key text;
    a record;
BEGIN
    r.changed := false;
    r.count := 0;
    -- A supplier that reuses ids maps the newest part: the greatest part id over the keys.
    FOREACH v_key IN ARRAY p_keys LOOP
        SELECT part_id INTO v_found FROM supplier_message_ids WHERE supplier_id = p_supplier AND match_key = v_key;
        IF FOUND AND (v_part IS NULL OR v_found > v_part) THEN
            v_part := v_found;
        END IF;
    END LOOP;
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

CREATE OR REPLACE FUNCTION pigeon_apply_part_status(
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
    -- One part: the message takes the part's final status at once.
    UPDATE messages SET status = p_status, error = COALESCE(p_error, error), done_at = p_at
    WHERE id = o_message AND status < 3 AND part_count = 1
    RETURNING * INTO v_message;
    IF FOUND THEN
        v_combined := p_status;
    ELSE
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

CREATE OR REPLACE FUNCTION pigeon_record_supplier_accepted(p_part bigint, p_supplier bigint, p_supplier_message_id text, p_key text, p_at timestamptz)
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
    WHERE id = p_part AND status <= 1
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

CREATE OR REPLACE FUNCTION pigeon_mark_customer_receipt_delivered(p_id bigint, p_at timestamptz) RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_row record;
BEGIN
    r.changed := false;
    r.count := 0;
    -- By id alone (no partial index can serve it), then the state: see 2. above.
    SELECT delivered_at, expired_at INTO v_row FROM customer_receipts WHERE id = p_id FOR UPDATE;
    IF FOUND AND v_row.delivered_at IS NULL AND v_row.expired_at IS NULL THEN
        UPDATE customer_receipts SET delivered_at = p_at WHERE id = p_id;
        r.changed := true;
    END IF;
    RETURN r;
END
$$;

-- The pending receipts of an account are read through ix_customer_receipts_pending (smpp_account_id, id). The
-- expiry's index by age had the same predicate, so a generic plan made on an empty table could read an account's
-- receipts by walking the whole age index. The age index now has a predicate of its own form, which only the
-- expiry states.
DROP INDEX ix_customer_receipts_pending_age;
CREATE INDEX ix_customer_receipts_pending_age ON customer_receipts (created_at) WHERE COALESCE(delivered_at, expired_at) IS NULL;

CREATE OR REPLACE FUNCTION pigeon_expire_customer_receipts(p_before timestamptz, p_at timestamptz) RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_rows integer;
BEGIN
    UPDATE customer_receipts SET expired_at = p_at WHERE created_at < p_before AND COALESCE(delivered_at, expired_at) IS NULL;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    r.changed := v_rows > 0;
    r.count := v_rows;
    RETURN r;
END
$$;

CREATE OR REPLACE FUNCTION pigeon_mark_mo_delivered(p_id bigint, p_at timestamptz) RETURNS pigeon_write_result
LANGUAGE plpgsql AS $$
DECLARE
    r pigeon_write_result;
    v_delivered_at timestamptz;
BEGIN
    r.changed := false;
    r.count := 0;
    -- By id alone (no partial index can serve it), then the state: see 2. above.
    SELECT delivered_at INTO v_delivered_at FROM mo_messages WHERE id = p_id FOR UPDATE;
    IF FOUND AND v_delivered_at IS NULL THEN
        UPDATE mo_messages SET delivered_at = p_at WHERE id = p_id;
        r.changed := true;
    END IF;
    RETURN r;
END
$$;
