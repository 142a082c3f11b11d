using System.Data.Common;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Storage.Relational;

/// <summary>
/// <see cref="IWebhookStore"/> in SQL both engines accept. The outbox is filled by the triggers of the webhook
/// migration (SQLite 0004, PostgreSQL 0005); this class reads it and records attempts, each call on a pooled
/// connection of its own.
/// </summary>
internal sealed class RelationalWebhookStore(ISqlDialect dialect, TimeProvider timeProvider) : IWebhookStore
{
    private const string SettingsColumns = "customer_id, receipts_url, mo_url, secret, created_at, updated_at";

    // The due events, each customer's numbered in due order so a page holds at most @per of one customer; an event
    // with an earlier pending event of its message waits for it. The joins bring what the body is rendered from.
    private const string DueSql =
        "SELECT e.id, e.customer_id, e.kind, e.message_id, e.mo_id, e.status, e.error, e.occurred_at, e.attempts, e.first_attempt_at, " +
        "COALESCE(e.url, CASE e.kind WHEN 1 THEN w.receipts_url ELSE w.mo_url END), w.secret, " +
        "m.client_reference, m.destination, m.source, m.segments, m.charge, m.currency, " +
        "mo.source, mo.destination, mo.esm_class, mo.data_coding, mo.body " +
        "FROM (SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.customer_id ORDER BY d.next_attempt_at, d.id) AS rank_in_customer " +
        "      FROM webhook_events d " +
        "      WHERE d.state = 0 AND d.next_attempt_at <= @now " +
        "      AND NOT EXISTS (SELECT 1 FROM webhook_events p WHERE p.message_id = d.message_id AND p.state = 0 AND p.id < d.id)) e " +
        "LEFT JOIN webhook_settings w ON w.customer_id = e.customer_id " +
        "LEFT JOIN messages m ON m.id = e.message_id " +
        "LEFT JOIN mo_messages mo ON mo.id = e.mo_id " +
        "WHERE e.rank_in_customer <= @per ORDER BY e.next_attempt_at, e.id LIMIT @limit";

    public async ValueTask<WebhookSettings?> GetSettingsAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await ReadSettingsAsync(connection, null, customerId, cancellationToken);
    }

    public async ValueTask<WebhookSettingsChange> SetUrlsAsync(long customerId, string? receiptsUrl, string? moUrl, string secretIfNew, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretIfNew);
        var now = dialect.Time(timeProvider.GetUtcNow());
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int updated;
        await using (var update = connection.Command(
            "UPDATE webhook_settings SET receipts_url = @receipts, mo_url = @mo, updated_at = @now WHERE customer_id = @customer", transaction)
            .With("@receipts", receiptsUrl).With("@mo", moUrl).With("@now", now).With("@customer", customerId))
        {
            updated = await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (updated == 0)
        {
            await using var insert = connection.Command(
                "INSERT INTO webhook_settings (customer_id, receipts_url, mo_url, secret, created_at, updated_at) " +
                "VALUES (@customer, @receipts, @mo, @secret, @now, @now)", transaction)
                .With("@customer", customerId).With("@receipts", receiptsUrl).With("@mo", moUrl).With("@secret", secretIfNew).With("@now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var settings = await ReadSettingsAsync(connection, transaction, customerId, cancellationToken)
            ?? throw new InvalidOperationException($"The webhook settings of customer {customerId} were not written.");
        await transaction.CommitAsync(cancellationToken);
        return new WebhookSettingsChange(settings, updated == 0);
    }

    public async ValueTask<WebhookSettings?> RotateSecretAsync(long customerId, string newSecret, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(newSecret);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = connection.Command("UPDATE webhook_settings SET secret = @secret, updated_at = @now WHERE customer_id = @customer", transaction)
            .With("@secret", newSecret).With("@now", dialect.Time(timeProvider.GetUtcNow())).With("@customer", customerId))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        var settings = await ReadSettingsAsync(connection, transaction, customerId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return settings;
    }

    public async ValueTask<bool> RemoveSettingsAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM webhook_settings WHERE customer_id = @customer").With("@customer", customerId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async ValueTask<IReadOnlyList<DueWebhook>> ListDueAsync(DateTimeOffset now, int perCustomer, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perCustomer, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(DueSql).With("@now", dialect.Time(now)).With("@per", perCustomer).With("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueWebhook>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(ReadDue(reader));
        }

        return due;
    }

    public async ValueTask RecordAttemptsAsync(IReadOnlyList<WebhookAttempt> attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        if (attempts.Count == 0)
        {
            return;
        }

        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var a in attempts)
        {
            var (state, next) = a.Outcome switch
            {
                WebhookAttemptOutcome.Delivered => (WebhookEventState.Delivered, a.At),
                WebhookAttemptOutcome.GivenUp => (WebhookEventState.GivenUp, a.At),
                _ => (WebhookEventState.Pending, a.NextAttemptAt ?? throw new ArgumentException("A retry needs its next attempt time.", nameof(attempts))),
            };
            await using (var insert = connection.Command(
                "INSERT INTO webhook_attempts (event_id, customer_id, attempt, at, url, http_status, error, duration_us, outcome) " +
                "VALUES (@event, @customer, @attempt, @at, @url, @status, @error, @duration, @outcome)", transaction)
                .With("@event", a.EventId).With("@customer", a.CustomerId).With("@attempt", a.Number).With("@at", dialect.Time(a.At))
                .With("@url", a.Url).With("@status", a.HttpStatus).With("@error", a.Error).With("@duration", a.Duration.Ticks / 10)
                .With("@outcome", (int)a.Outcome))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var update = connection.Command(
                "UPDATE webhook_events SET attempts = attempts + 1, state = @state, next_attempt_at = @next, " +
                "first_attempt_at = COALESCE(first_attempt_at, @at), finished_at = @finished WHERE id = @event AND state = 0", transaction)
                .With("@state", (int)state).With("@next", dialect.Time(next)).With("@at", dialect.Time(a.At))
                .With("@finished", state == WebhookEventState.Pending ? null : dialect.Time(a.At)).With("@event", a.EventId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(long customerId, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT a.id, a.event_id, e.kind, e.message_id, e.mo_id, a.attempt, a.at, a.url, a.http_status, a.error, a.duration_us, a.outcome " +
            "FROM webhook_attempts a JOIN webhook_events e ON e.id = a.event_id " +
            "WHERE a.customer_id = @customer AND a.id < @before ORDER BY a.id DESC LIMIT @limit")
            .With("@customer", customerId).With("@before", beforeId ?? long.MaxValue).With("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<WebhookDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WebhookDelivery
            {
                Id = reader.GetInt64(0),
                EventId = reader.GetInt64(1),
                Kind = (WebhookEventKind)reader.GetInt32(2),
                MessageId = reader.GetMessageIdOrNull(3),
                MoId = reader.GetInt64OrNull(4),
                Attempt = reader.GetInt32(5),
                At = dialect.ReadTime(reader, 6),
                Url = reader.GetString(7),
                HttpStatus = reader.GetInt32OrNull(8),
                Error = reader.GetStringOrNull(9),
                Duration = TimeSpan.FromTicks(reader.GetInt64(10) * 10),
                Outcome = (WebhookAttemptOutcome)reader.GetInt32(11),
            });
        }

        return rows;
    }

    public async ValueTask<IReadOnlyDictionary<WebhookEventState, long>> CountEventsAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT state, COUNT(*) FROM webhook_events WHERE customer_id = @customer GROUP BY state")
            .With("@customer", customerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<WebhookEventState, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(WebhookEventState)reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private async ValueTask<WebhookSettings?> ReadSettingsAsync(DbConnection connection, DbTransaction? transaction, long customerId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {SettingsColumns} FROM webhook_settings WHERE customer_id = @customer", transaction)
            .With("@customer", customerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new WebhookSettings
        {
            CustomerId = reader.GetInt64(0),
            ReceiptsUrl = reader.GetStringOrNull(1),
            MoUrl = reader.GetStringOrNull(2),
            Secret = reader.GetString(3),
            CreatedAt = dialect.ReadTime(reader, 4),
            UpdatedAt = dialect.ReadTime(reader, 5),
        };
    }

    private DueWebhook ReadDue(DbDataReader r)
    {
        var kind = (WebhookEventKind)r.GetInt32(2);
        return new DueWebhook
        {
            EventId = r.GetInt64(0),
            CustomerId = r.GetInt64(1),
            Kind = kind,
            MessageId = r.GetMessageIdOrNull(3),
            MoId = r.GetInt64OrNull(4),
            Status = r.GetInt32OrNull(5) is { } status ? (MessageStatus)status : null,
            Error = r.GetStringOrNull(6),
            OccurredAt = dialect.ReadTime(r, 7),
            Attempts = r.GetInt32(8),
            FirstAttemptAt = r.GetTimeOrNull(dialect, 9),
            Url = r.GetStringOrNull(10),
            Secret = r.GetStringOrNull(11),
            Message = kind == WebhookEventKind.MessageStatus && !r.IsDBNull(13)
                ? new WebhookMessageData
                {
                    ClientReference = r.GetStringOrNull(12),
                    To = r.GetString(13),
                    From = r.GetString(14),
                    Segments = r.GetInt32(15),
                    Charge = dialect.ReadMoney(r, 16),
                    Currency = r.GetString(17),
                }
                : null,
            Mo = kind == WebhookEventKind.MoReceived && !r.IsDBNull(18)
                ? new WebhookMoData
                {
                    From = r.GetString(18),
                    To = r.GetString(19),
                    EsmClass = (byte)r.GetInt32(20),
                    DataCoding = (byte)r.GetInt32(21),
                    Body = r.GetFieldValue<byte[]>(22),
                }
                : null,
        };
    }
}
