using Microsoft.Data.Sqlite;

namespace Pigeon.Storage.Sqlite;

/// <summary>Every statement the write commands run, prepared once on the writer connection.</summary>
internal sealed class SqliteWriteStatements : IDisposable
{
    public SqliteWriteStatements(SqliteConnection c)
    {
        InsertMessage = new(c,
            "INSERT INTO messages (id, customer_id, smpp_account_id, source, source_ton, source_npi, destination, data_coding, segments, " +
            "part_count, client_reference, registered_delivery, valid_until, scheduled_at, route_id, supplier_id, price_per_segment, charge, " +
            "currency, status, error, created_at, submitted_at, done_at, callback_url) VALUES (@id, @customer, @account, @source, @ston, @snpi, @destination, " +
            "@coding, @segments, @parts, @reference, @registered, @valid, @scheduled, @route, @supplier, @price, @charge, @currency, @status, " +
            "@error, @created, @submitted, @done, @callback)");
        InsertPart = new(c,
            "INSERT INTO message_parts (id, message_id, part_number, body, esm_class, data_coding, sar_reference, sar_total_segments, " +
            "sar_segment_number, supplier_id, supplier_message_id, status, attempts) VALUES (@id, @message, @number, @body, @esm, @coding, " +
            "@sar_ref, @sar_total, @sar_number, @supplier, @smid, @status, @attempts)");
        MoveBalance = new(c, "UPDATE customers SET balance = balance + @amount WHERE id = @id RETURNING balance");
        InsertLedgerEntry = new(c,
            "INSERT INTO ledger_entries (customer_id, kind, amount, reason, message_id, created_at) VALUES (@customer, @kind, @amount, @reason, @message, @at)");
        PartEnroute = new(c,
            "UPDATE message_parts SET status = 2, supplier_id = @supplier, supplier_message_id = @smid, attempts = attempts + 1 " +
            "WHERE id = @id AND status = 1 RETURNING message_id");
        MessageEnroute = new(c,
            "UPDATE messages SET status = 2, supplier_id = @supplier, submitted_at = COALESCE(submitted_at, @at) WHERE id = @id AND status = 1");
        UpsertIdMap = new(c,
            "INSERT INTO supplier_message_ids (supplier_id, match_key, part_id) VALUES (@supplier, @key, @part) " +
            "ON CONFLICT (supplier_id, match_key) DO UPDATE SET part_id = excluded.part_id");
        LookupIdMap = new(c,
            "SELECT part_id FROM supplier_message_ids WHERE supplier_id = @supplier AND match_key IN (@k0, @k1, @k2) ORDER BY part_id DESC LIMIT 1");
        InsertEvent = new(c,
            "INSERT INTO message_events (message_id, part_id, kind, status, supplier_id, detail, at) VALUES (@message, @part, @kind, @status, @supplier, @detail, @at)");
        WaitingReceipts = new(c,
            "SELECT r.id, r.status, r.error, r.done_at, r.received_at FROM receipt_waits w JOIN receipts r ON r.id = w.receipt_id " +
            "WHERE w.supplier_id = @supplier AND w.match_key = @key ORDER BY r.id");
        MatchReceipt = new(c, "UPDATE receipts SET part_id = @part WHERE id = @id");
        DropWaits = new(c, "DELETE FROM receipt_waits WHERE receipt_id = @id");
        InsertReceipt = new(c,
            "INSERT INTO receipts (supplier_id, supplier_message_id, status, error, done_at, received_at, part_id) " +
            "VALUES (@supplier, @smid, @status, @error, @done, @received, @part) RETURNING id");
        InsertWait = new(c,
            "INSERT OR IGNORE INTO receipt_waits (supplier_id, match_key, receipt_id) VALUES (@supplier, @key, @id)");
        PartFinal = new(c, "UPDATE message_parts SET status = @status WHERE id = @id AND status < 3 RETURNING message_id");
        PartStatuses = new(c, "SELECT status FROM message_parts WHERE message_id = @message");
        OnePartMessageFinal = new(c,
            "UPDATE messages SET status = @status, error = COALESCE(@error, error), done_at = @at WHERE id = @id AND status < 3 AND part_count = 1 " +
            "RETURNING smpp_account_id, registered_delivery, source, source_ton, source_npi, destination, created_at, error");
        MessageFinal = new(c,
            "UPDATE messages SET status = @status, error = COALESCE(@error, error), done_at = @at WHERE id = @id AND status < 3 " +
            "RETURNING smpp_account_id, registered_delivery, source, source_ton, source_npi, destination, created_at, error");
        MessageLeftQueue = new(c, "UPDATE messages SET status = 2 WHERE id = @id AND status = 1");
        MessageCustomer = new(c, "SELECT customer_id FROM messages WHERE id = @id");
        PartFailover = new(c,
            "UPDATE message_parts SET supplier_id = @to, attempts = attempts + 1 WHERE id = @id AND supplier_id = @from AND status = 1 RETURNING message_id");
        MessageSupplier = new(c, "UPDATE messages SET supplier_id = @supplier WHERE id = @id");
        InsertCustomerReceipt = new(c,
            "INSERT INTO customer_receipts (smpp_account_id, message_id, status, error, source, destination, destination_ton, destination_npi, " +
            "submitted_at, done_at, created_at) VALUES (@account, @message, @status, @error, @source, @destination, @dton, @dnpi, @submitted, @done, @created) RETURNING id");
        CustomerReceiptDelivered = new(c,
            "UPDATE customer_receipts SET delivered_at = @at WHERE id = @id AND delivered_at IS NULL AND expired_at IS NULL");
        ExpireCustomerReceipts = new(c,
            "UPDATE customer_receipts SET expired_at = @at WHERE created_at < @before AND delivered_at IS NULL AND expired_at IS NULL");
        InsertMo = new(c,
            "INSERT INTO mo_messages (supplier_id, source, source_ton, source_npi, destination, esm_class, data_coding, body, customer_id, " +
            "smpp_account_id, received_at) VALUES (@supplier, @source, @ston, @snpi, @destination, @esm, @coding, @body, @customer, @account, @received) RETURNING id");
        MoDelivered = new(c, "UPDATE mo_messages SET delivered_at = @at WHERE id = @id AND delivered_at IS NULL");
        RememberRequest = new(c,
            "INSERT OR IGNORE INTO request_keys (customer_id, key, fingerprint, status_code, response, created_at) " +
            "VALUES (@customer, @key, @fingerprint, @status, @response, @at)");
    }

    public SqliteStatement InsertMessage { get; }

    public SqliteStatement RememberRequest { get; }

    public SqliteStatement InsertPart { get; }

    public SqliteStatement MoveBalance { get; }

    public SqliteStatement InsertLedgerEntry { get; }

    public SqliteStatement PartEnroute { get; }

    public SqliteStatement MessageEnroute { get; }

    public SqliteStatement UpsertIdMap { get; }

    public SqliteStatement LookupIdMap { get; }

    public SqliteStatement InsertEvent { get; }

    public SqliteStatement WaitingReceipts { get; }

    public SqliteStatement MatchReceipt { get; }

    public SqliteStatement DropWaits { get; }

    public SqliteStatement InsertReceipt { get; }

    public SqliteStatement InsertWait { get; }

    public SqliteStatement PartFinal { get; }

    public SqliteStatement PartStatuses { get; }

    public SqliteStatement MessageFinal { get; }

    /// <summary><see cref="MessageFinal"/> for a message of one part, whose status is its part's: no roll-up to read.</summary>
    public SqliteStatement OnePartMessageFinal { get; }

    public SqliteStatement MessageLeftQueue { get; }

    public SqliteStatement MessageCustomer { get; }

    public SqliteStatement PartFailover { get; }

    public SqliteStatement MessageSupplier { get; }

    public SqliteStatement InsertCustomerReceipt { get; }

    public SqliteStatement CustomerReceiptDelivered { get; }

    public SqliteStatement ExpireCustomerReceipts { get; }

    public SqliteStatement InsertMo { get; }

    public SqliteStatement MoDelivered { get; }

    public void Dispose()
    {
        foreach (var statement in new[]
        {
            InsertMessage, InsertPart, MoveBalance, InsertLedgerEntry, PartEnroute, MessageEnroute, UpsertIdMap, LookupIdMap, InsertEvent,
            WaitingReceipts, MatchReceipt, DropWaits, InsertReceipt, InsertWait, PartFinal, PartStatuses, MessageFinal, OnePartMessageFinal, MessageLeftQueue,
            MessageCustomer, PartFailover, MessageSupplier, InsertCustomerReceipt, CustomerReceiptDelivered, ExpireCustomerReceipts, InsertMo,
            MoDelivered, RememberRequest,
        })
        {
            statement.Dispose();
        }
    }
}
