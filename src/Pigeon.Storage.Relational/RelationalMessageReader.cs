using System.Data.Common;
using System.Text;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Storage.Relational;

/// <summary><see cref="IMessageReader"/> in SQL both engines accept; each read on a pooled connection of its own.</summary>
internal sealed partial class RelationalMessageReader(ISqlDialect dialect) : IMessageReader
{
    private const int MaxPage = 10_000;

    public async ValueTask<MessageDetail?> GetMessageAsync(MessageId id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        MessageRecord? message;
        await using (var command = connection.Command(
            $"SELECT {MessageRows.MessageColumns} FROM messages m " +
            "WHERE m.id = @id OR m.id = (SELECT message_id FROM message_parts WHERE id = @id) LIMIT 1").With("@id", id.Value))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            message = await reader.ReadAsync(cancellationToken) ? MessageRows.ReadMessage(reader, dialect, 0) : null;
        }

        if (message is null)
        {
            return null;
        }

        var parts = new List<MessagePart>(message.PartCount);
        await using (var command = connection.Command(
            // The part with the message's own id by key, the others by message: on PostgreSQL only parts of longer
            // messages are indexed by message (Migrations/0012), and this form serves both engines.
            $"SELECT {MessageRows.PartColumns} FROM message_parts p WHERE p.id = @id AND p.message_id = @id " +
            $"UNION ALL SELECT {MessageRows.PartColumns} FROM message_parts p WHERE p.message_id = @id AND p.id <> p.message_id " +
            "ORDER BY part_number").With("@id", message.Id.Value))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                parts.Add(MessageRows.ReadPart(reader, 0));
            }
        }

        var history = new List<MessageEvent>();
        await using (var command = connection.Command(
            $"SELECT {MessageRows.EventColumns} FROM message_events WHERE message_id = @id ORDER BY id").With("@id", message.Id.Value))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                history.Add(MessageRows.ReadEvent(reader, dialect));
            }
        }

        return new MessageDetail(message, parts, history);
    }

    public async ValueTask<IReadOnlyList<MessageRecord>> GetCustomerMessagesAsync(long customerId, IReadOnlyCollection<MessageId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, IMessageReader.MaxMessagesPerRead);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One parameter per id: both engines plan an IN list of parameters as index lookups on the primary key.
        var sql = new StringBuilder($"SELECT {MessageRows.MessageColumns} FROM messages m WHERE m.customer_id = @customer AND m.id IN (");
        command.With("@customer", customerId);
        var i = 0;
        foreach (var id in ids)
        {
            var name = "@i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? name : "," + name);
            command.With(name, id.Value);
            i++;
        }

        command.CommandText = sql.Append(')').ToString();
        var found = new List<MessageRecord>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(MessageRows.ReadMessage(reader, dialect, 0));
        }

        return found;
    }

    public async ValueTask<MessagePage> ListMessagesAsync(MessageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, 1000);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {MessageRows.MessageColumns} FROM messages m WHERE m.customer_id = @customer");
        command.With("@customer", query.CustomerId);
        // Only the filters given are written, so no parameter is ever an untyped null the engine must guess.
        if (query.Destination is { } destination)
        {
            sql.Append(" AND m.destination = @destination");
            command.With("@destination", destination);
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND m.created_at >= @since");
            command.With("@since", dialect.Time(since));
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND m.created_at < @until");
            command.With("@until", dialect.Time(until));
        }

        if (query.Status is { } status)
        {
            sql.Append(" AND m.status = @status");
            command.With("@status", (int)status);
        }

        if (query.Before is { } before)
        {
            sql.Append(" AND m.id < @before");
            command.With("@before", before.Value);
        }

        sql.Append(" ORDER BY m.id DESC LIMIT @limit");
        command.With("@limit", query.Limit + 1);
        command.CommandText = sql.ToString();
        var items = new List<MessageRecord>(Math.Min(query.Limit + 1, 128));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(MessageRows.ReadMessage(reader, dialect, 0));
            }
        }

        if (items.Count <= query.Limit)
        {
            return new MessagePage(items, null);
        }

        items.RemoveAt(items.Count - 1);
        return new MessagePage(items, items[^1].Id);
    }

    public async ValueTask<MessagePart?> FindPartBySupplierMessageIdAsync(long supplierId, string supplierMessageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supplierMessageId);
        var keys = ReceiptMessageId.GetLookupKeys(supplierMessageId);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {MessageRows.PartColumns} FROM supplier_message_ids s JOIN message_parts p ON p.id = s.part_id " +
            "WHERE s.supplier_id = @supplier AND s.match_key IN (@k0, @k1, @k2) ORDER BY p.id DESC LIMIT 1")
            .With("@supplier", supplierId)
            .With("@k0", keys[0])
            .With("@k1", keys[Math.Min(1, keys.Count - 1)])
            .With("@k2", keys[^1]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? MessageRows.ReadPart(reader, 0) : null;
    }

    public ValueTask<IReadOnlyList<ReceiptRecord>> ListUnmatchedReceiptsAsync(long supplierId, int limit, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {MessageRows.ReceiptColumns} FROM receipts WHERE supplier_id = @key AND part_id IS NULL ORDER BY id LIMIT @limit",
            supplierId,
            null,
            limit,
            MessageRows.ReadReceipt,
            cancellationToken);

    public async ValueTask<IReadOnlyList<QueuedPart>> ListQueuedPartsAsync(long supplierId, MessageId after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        // The queue condition as the partial queue index states it, so the index applies.
        await using var command = connection.Command(
            $"SELECT {MessageRows.PartColumns}, {MessageRows.MessageColumns} FROM message_parts p JOIN messages m ON m.id = p.message_id " +
            $"WHERE p.supplier_id = @supplier AND {dialect.QueuedPart} AND p.id > @after ORDER BY p.id LIMIT @limit")
            .With("@supplier", supplierId)
            .With("@after", after.Value)
            .With("@limit", limit);
        var items = new List<QueuedPart>(Math.Min(limit, 1024));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new QueuedPart(MessageRows.ReadPart(reader, 0), MessageRows.ReadMessage(reader, dialect, 13)));
        }

        return items;
    }

    public async ValueTask<long> CountQueuedPartsAsync(long supplierId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"SELECT COUNT(*) FROM message_parts p WHERE p.supplier_id = @supplier AND {dialect.QueuedPart}")
            .With("@supplier", supplierId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask<IReadOnlyList<CustomerReceiptRecord>> ListPendingCustomerReceiptsAsync(long smppAccountId, long afterId, int limit, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {MessageRows.CustomerReceiptColumns} FROM customer_receipts " +
            "WHERE smpp_account_id = @key AND delivered_at IS NULL AND expired_at IS NULL AND id > @after ORDER BY id LIMIT @limit",
            smppAccountId,
            afterId,
            limit,
            MessageRows.ReadCustomerReceipt,
            cancellationToken);

    public ValueTask<IReadOnlyList<MoRecord>> ListPendingMoAsync(long customerId, long afterId, int limit, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {MessageRows.MoColumns} FROM mo_messages WHERE customer_id = @key AND delivered_at IS NULL AND id > @after ORDER BY id LIMIT @limit",
            customerId,
            afterId,
            limit,
            MessageRows.ReadMo,
            cancellationToken);

    public async ValueTask<IReadOnlyList<StatusCount>> GetStatusCountsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT supplier_id, status, COUNT(*) FROM messages WHERE created_at >= @since GROUP BY supplier_id, status ORDER BY supplier_id, status")
            .With("@since", dialect.Time(since));
        var counts = new List<StatusCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new StatusCount(reader.GetInt64OrNull(0), (MessageStatus)reader.GetInt32(1), reader.GetInt64(2)));
        }

        return counts;
    }

    private async ValueTask<IReadOnlyList<T>> ListAsync<T>(
        string sql, long key, long? afterId, int limit, Func<DbDataReader, ISqlDialect, T> read, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql).With("@key", key).With("@limit", limit);
        if (afterId is { } after)
        {
            command.With("@after", after);
        }

        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader, dialect));
        }

        return items;
    }

    public async ValueTask<RequestRecord?> FindRequestAsync(long customerId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT fingerprint, status_code, response, created_at FROM request_keys WHERE customer_id = @customer AND key = @key")
            .With("@customer", customerId)
            .With("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new RequestRecord
        {
            CustomerId = customerId,
            Key = key,
            Fingerprint = reader.GetString(0),
            StatusCode = reader.GetInt32(1),
            Response = reader.GetString(2),
            CreatedAt = dialect.ReadTime(reader, 3),
        };
    }

    public async ValueTask<IReadOnlyList<(long CustomerId, string Key)>> ListRequestKeysAsync(string keyPrefix, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        // substr rather than LIKE or a range: exact on both engines whatever the collation.
        await using var command = connection.Command(
            "SELECT customer_id, key FROM request_keys WHERE substr(key, 1, @length) = @prefix LIMIT @limit")
            .With("@length", keyPrefix.Length)
            .With("@prefix", keyPrefix)
            .With("@limit", limit);
        var keys = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return keys;
    }
}
