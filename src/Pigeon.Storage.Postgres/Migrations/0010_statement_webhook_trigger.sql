-- The message.status webhook outbox is filled once per statement instead of once per row. The row trigger of
-- 0005_webhooks.sql queued every status change, fetched both versions of the row again at the end of the statement
-- and ran a PL/pgSQL call with a settings look-up for each, webhooks configured or not: about a tenth of the
-- server's time per message on the set-based write path. The statement trigger sees the statement's changed rows
-- as transition tables and returns at once when neither a customer receipts URL nor a changed row's own callback
-- URL exists; otherwise it writes the same events as the row trigger did (a status that changed to Enroute or a
-- final one), in message id order.
-- Transition tables cannot be limited to UPDATE OF status, so the trigger runs after every UPDATE of messages and
-- compares the two versions itself. The writer's connections forbid hash joins (PostgresGatewayStore); the pairing
-- of old and new rows is a hash join, so the function allows it for its own statements. JIT is off for them: with
-- sequential scans forbidden, the look-up of any receipts URL costs more than the JIT threshold, and compiling it
-- took 50 ms a call.
DROP TRIGGER tr_messages_webhook ON messages;
DROP FUNCTION pigeon_message_webhook();

CREATE FUNCTION pigeon_messages_webhook() RETURNS trigger
LANGUAGE plpgsql
SET enable_hashjoin = on
SET jit = off
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM changed_new WHERE callback_url IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM webhook_settings WHERE receipts_url IS NOT NULL) THEN
        RETURN NULL;
    END IF;

    INSERT INTO webhook_events (customer_id, kind, message_id, url, status, error, occurred_at, next_attempt_at, attempts, state)
    SELECT n.customer_id, 1, n.id, n.callback_url, n.status, n.error,
        CASE WHEN n.status >= 3 THEN COALESCE(n.done_at, n.created_at) ELSE COALESCE(n.submitted_at, n.created_at) END,
        'epoch', 0, 0
    FROM changed_new n
    JOIN changed_old o ON o.id = n.id
    WHERE n.status <> o.status AND n.status >= 2
        AND (n.callback_url IS NOT NULL
            OR EXISTS (SELECT 1 FROM webhook_settings w WHERE w.customer_id = n.customer_id AND w.receipts_url IS NOT NULL))
    ORDER BY n.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_messages_webhook AFTER UPDATE ON messages
REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
FOR EACH STATEMENT EXECUTE FUNCTION pigeon_messages_webhook();
