using Microsoft.Data.Sqlite;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Storage.Relational;

namespace Pigeon.Storage.Sqlite;

/// <summary>
/// Runs write batches on the one writer connection: BEGIN IMMEDIATE, every command through statements prepared
/// once, COMMIT (durable: synchronous=FULL). SQLite runs in process, so the per-command logic is plain C# between
/// statements; it is synchronous because SQLite's calls are. Checkpoints run beside it (<see cref="SqliteCheckpointer"/>),
/// never inside a commit. This part: the batch, messages and outboxes.
/// </summary>
internal sealed partial class SqliteBatchExecutor(SqliteDialect dialect, TimeProvider timeProvider) : IWriteBatchExecutor, IAsyncDisposable
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(500);
    private SqliteConnection? _connection;
    private SqliteWriteStatements? _statements;
    private SqliteCheckpointer? _checkpointer;

    // Per batch: the charges of its accepted messages, per customer, in command order; each customer's balance
    // moves once, at the end of the batch (FlushCharges). Reused: one batch runs at a time.
    private readonly Dictionary<long, List<(int Index, decimal Charge)>> _charges = [];
    private readonly Stack<List<(int Index, decimal Charge)>> _spareChargeLists = new();
    private int _executing;

    private SqliteWriteStatements S => _statements!;

    public ValueTask ExecuteAsync(ReadOnlyMemory<WriteCommand> commands, Memory<WriteResult> results, CancellationToken cancellationToken)
    {
        if (commands.Length != results.Length)
        {
            throw new ArgumentException("One result per command.", nameof(results));
        }

        var connection = _connection ??= OpenWriter();
        _statements ??= new SqliteWriteStatements(connection);
        using var transaction = connection.BeginTransaction(deferred: false);
        var span = commands.Span;
        var output = results.Span;
        ClearCharges();
        for (var i = 0; i < span.Length; i++)
        {
            _executing = i;
            output[i] = Execute(span[i]);
        }

        FlushCharges(output);
        transaction.Commit();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync();
        }

        _statements?.Dispose();
        _moParts?.Dispose();
        _connection?.Dispose();
    }

    private SqliteConnection OpenWriter()
    {
        var connection = dialect.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_autocheckpoint = 0;";
            command.ExecuteNonQuery();
        }

        _checkpointer = new SqliteCheckpointer(dialect, CheckpointInterval, timeProvider);
        return connection;
    }

    private static long Micros(DateTimeOffset time) => UtcMicroseconds.From(time);

    private static long? Micros(DateTimeOffset? time) => time is { } value ? UtcMicroseconds.From(value) : null;

    private static long Money(decimal amount) => ExactMoney.ToMillionths(amount);

    private WriteResult Execute(WriteCommand command) => command switch
    {
        AcceptMessage accept => Accept(accept),
        RecordSupplierAccepted accepted => SupplierAccepted(accepted),
        FinishPart finish => Finish(finish),
        RecordFailover failover => Failover(failover),
        StoreReceipt receipt => Receipt(receipt.Receipt),
        EnqueueCustomerReceipt enqueue => new WriteResult { Changed = true, Id = InsertCustomerReceipt(enqueue.Receipt) },
        MarkCustomerReceiptDelivered delivered => new WriteResult { Changed = S.CustomerReceiptDelivered.Bind(Micros(delivered.At), delivered.Id).Execute() > 0 },
        ExpireCustomerReceipts expire => Count(S.ExpireCustomerReceipts.Bind(Micros(expire.At), Micros(expire.CreatedBefore)).Execute()),
        StoreMo mo => new WriteResult { Changed = true, Id = InsertMo(mo.Mo) },
        MarkMoDelivered delivered => new WriteResult { Changed = S.MoDelivered.Bind(Micros(delivered.At), delivered.Id).Execute() > 0 },
        RememberRequest { Request: var r } => new WriteResult
        {
            Changed = S.RememberRequest.Bind(r.CustomerId, r.Key, r.Fingerprint, r.StatusCode, r.Response, Micros(r.CreatedAt)).Execute() > 0,
        },
        StoreMoPart part => HoldMoPart(part.Part),
        StoreMoFromParts assembled => StoreFromParts(assembled),
        ForgetMoParts forget => Count(M.Forget.Bind(Micros(forget.ConsumedBefore)).Execute()),
        _ => throw new NotSupportedException($"Unknown write command {command.GetType().Name}."),
    };

    private static WriteResult Count(int rows) => new() { Changed = rows > 0, Count = rows };

    private WriteResult Accept(AcceptMessage command)
    {
        var m = command.Message;
        if (command.Parts.Count == 0)
        {
            throw new ArgumentException("A message has at least one part.", nameof(command));
        }

        S.InsertMessage.Bind(m.Id.Value, m.CustomerId, m.SmppAccountId, m.Source, (int)m.SourceTon, (int)m.SourceNpi, m.Destination, (int)m.DataCoding,
            m.Segments, m.PartCount, m.ClientReference, (int)m.RegisteredDelivery, Micros(m.ValidUntil), Micros(m.ScheduledAt), m.RouteId,
            m.SupplierId, Money(m.PricePerSegment), Money(m.Charge), m.Currency, (int)m.Status, m.Error, Micros(m.CreatedAt),
            Micros(m.SubmittedAt), Micros(m.DoneAt), m.CallbackUrl).Execute();
        foreach (var p in command.Parts)
        {
            S.InsertPart.Bind(p.Id.Value, m.Id.Value, p.PartNumber, p.Body, (int)p.EsmClass, (int)p.DataCoding, (int?)p.SarReference,
                (int?)p.SarTotalSegments, (int?)p.SarSegmentNumber, p.SupplierId, p.SupplierMessageId, (int)p.Status, p.Attempts).Execute();
        }

        if (command.Remember is { } r)
        {
            S.RememberRequest.Bind(r.CustomerId, r.Key, r.Fingerprint, r.StatusCode, r.Response, Micros(r.CreatedAt)).Execute();
        }

        if (m.Charge == 0m)
        {
            return new WriteResult { Changed = true };
        }

        // The ledger entry now, the running balance once per customer at the end of the batch (FlushCharges): a
        // bulk sender's customer row is then written once a transaction instead of once a message.
        S.InsertLedgerEntry.Bind(m.CustomerId, (int)LedgerEntryKind.Charge, Money(-m.Charge), "message charge", m.Id.Value, Micros(m.CreatedAt)).Execute();
        if (!_charges.TryGetValue(m.CustomerId, out var charges))
        {
            _charges[m.CustomerId] = charges = _spareChargeLists.TryPop(out var spare) ? spare : [];
        }

        charges.Add((_executing, m.Charge));
        return new WriteResult { Changed = true };
    }

    /// <summary>
    /// Moves each charged customer's balance by the batch's charges, and reports to each accepted message the
    /// balance right after its own charge: the final balance plus the charges of that customer's later messages.
    /// </summary>
    private void FlushCharges(Span<WriteResult> results)
    {
        foreach (var (customerId, charges) in _charges)
        {
            var total = 0m;
            foreach (var (_, charge) in charges)
            {
                total += charge;
            }

            long moved;
            using (var reader = S.MoveBalance.Bind(Money(-total), customerId).Read())
            {
                moved = reader.Read() ? reader.GetInt64(0) : throw new InvalidOperationException($"No customer {customerId}.");
            }

            var balance = ExactMoney.FromMillionths(moved);
            for (var k = charges.Count - 1; k >= 0; k--)
            {
                var (index, charge) = charges[k];
                results[index] = results[index] with { Balance = balance };
                balance += charge;
            }
        }
    }

    private void ClearCharges()
    {
        foreach (var charges in _charges.Values)
        {
            charges.Clear();
            _spareChargeLists.Push(charges);
        }

        _charges.Clear();
    }

    private decimal MoveBalance(long customerId, LedgerEntryKind kind, decimal amount, string reason, MessageId messageId, DateTimeOffset at)
    {
        long balance;
        using (var reader = S.MoveBalance.Bind(Money(amount), customerId).Read())
        {
            balance = reader.Read() ? reader.GetInt64(0) : throw new InvalidOperationException($"No customer {customerId}.");
        }

        S.InsertLedgerEntry.Bind(customerId, (int)kind, Money(amount), reason, messageId.Value, Micros(at)).Execute();
        return ExactMoney.FromMillionths(balance);
    }

    private long InsertCustomerReceipt(CustomerReceiptRecord r) =>
        Scalar(S.InsertCustomerReceipt.Bind(r.SmppAccountId, r.MessageId.Value, (int)r.Status, r.Error, r.Source, r.Destination, (int)r.DestinationTon,
            (int)r.DestinationNpi, Micros(r.SubmittedAt), Micros(r.DoneAt), Micros(r.CreatedAt)));

    private long InsertMo(MoRecord mo) =>
        Scalar(S.InsertMo.Bind(mo.SupplierId, mo.Source, (int)mo.SourceTon, (int)mo.SourceNpi, mo.Destination, (int)mo.EsmClass, (int)mo.DataCoding,
            mo.Body, mo.CustomerId, mo.SmppAccountId, Micros(mo.ReceivedAt)));

    private static long Scalar(SqliteStatement statement)
    {
        using var reader = statement.Read();
        return reader.Read() ? reader.GetInt64(0) : throw new InvalidOperationException("The statement returned no row.");
    }

    private static long? ScalarOrNull(SqliteStatement statement)
    {
        using var reader = statement.Read();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetInt64(0) : null;
    }

    private void InsertEvent(MessageId messageId, MessageId? partId, MessageEventKind kind, MessageStatus? status, long? supplierId, string? detail, DateTimeOffset at) =>
        S.InsertEvent.Bind(messageId.Value, partId?.Value, (int)kind, (int?)status, supplierId, detail, Micros(at)).Execute();
}
