using Npgsql;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// Runs a write batch in one transaction, the hot commands set-based. Per-statement overhead, not the rows, was
/// most of the server's time per message when each command was a function call of several one-row statements; a
/// set statement pays it once for all commands of its type.
/// <list type="number">
/// <item>When the batch has receipts or RecordSupplierAccepted, one round trip asks the database what
/// <see cref="BatchPartition"/> needs (<see cref="BatchProbe"/>: the message of each part named, the part each
/// receipt matches, whether receipts wait for an id).</item>
/// <item><see cref="BatchPartition"/> picks the commands that may run set-based: the hot commands a set statement
/// can run (an AcceptMessage without a request to remember; a RecordSupplierAccepted no receipt waits for; a
/// StoreReceipt that will wait or matches a part of a one-part message, so no roll-up; a
/// MarkCustomerReceiptDelivered in a batch that expires no customer receipts) and that share no message, part,
/// supplier match key or customer receipt with any other command of the batch. Such a command gives the same
/// result and leaves the same rows wherever in the batch it runs.</item>
/// <item>One NpgsqlBatch, one round trip: one statement per hot type for its independent commands
/// (<see cref="AcceptMessageSet"/>, <see cref="SupplierAcceptedSet"/>, <see cref="StoreReceiptSet"/>,
/// <see cref="ReceiptDeliveredSet"/>), then every other command as its function call in command order
/// (<see cref="WriteFunctionCalls"/>): commands that share a key run in the order they were given, and only
/// after the independent ones, which nothing they do can see. Last, the running balance of each charged customer
/// moves once (<see cref="BatchCharges"/>).</item>
/// </list>
/// Every command gets the result its function would have given; only the ids drawn for new rows (receipts, events,
/// ledger entries) may come in another order than the commands.
/// </summary>
internal sealed class PostgresBatchExecutor : IWriteBatchExecutor
{
    /// <summary>Times a batch runs when the server breaks a deadlock by aborting it (then it fails, and the writer isolates its commands).</summary>
    private const int MaxAttempts = 3;

    private readonly BatchProbe _probe = new();
    private readonly BatchPartition _partition = new();
    private readonly AcceptMessageSet _accepts = new();
    private readonly SupplierAcceptedSet _supplierAccepts = new();
    private readonly StoreReceiptSet _receipts = new();
    private readonly ReceiptDeliveredSet _deliveries = new();
    private readonly BatchCharges _charges = new();
    private readonly ISetStatement[] _sets;
    private readonly List<int> _functionCalls = [];
    private readonly NpgsqlDataSource _dataSource;
    private bool[] _setBased = [];

    public PostgresBatchExecutor(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _sets = [_accepts, _supplierAccepts, _receipts, _deliveries];
    }

    public async ValueTask ExecuteAsync(ReadOnlyMemory<WriteCommand> commands, Memory<WriteResult> results, CancellationToken cancellationToken)
    {
        if (commands.Length != results.Length)
        {
            throw new ArgumentException("One result per command.", nameof(results));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnceAsync(commands, results, cancellationToken);
                return;
            }
            catch (PostgresException e) when (attempt < MaxAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // The server rolled the whole transaction back: nothing of it is stored, so it runs again as it was.
                // Two writers' transactions (accepts and the rest) can both move one customer's balance, and a batch
                // refunding several customers locks them in its commands' order, not in id order as charges do.
                results.Span.Clear();
            }
        }
    }

    private async ValueTask ExecuteOnceAsync(ReadOnlyMemory<WriteCommand> commands, Memory<WriteResult> results, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        _probe.Collect(commands.Span);
        if (_probe.IsNeeded)
        {
            await _probe.RunAsync(connection, transaction, cancellationToken);
        }

        if (_setBased.Length < commands.Length)
        {
            _setBased = new bool[Math.Max(commands.Length, 2 * _setBased.Length)];
        }

        _partition.Decide(commands.Span, _probe, _setBased);
        await using var batch = Build(commands.Span, connection, transaction);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            var statement = 0;
            foreach (var set in _sets)
            {
                if (set.Count > 0)
                {
                    await MoveToResultAsync(reader, statement++, cancellationToken);
                    await set.ReadAsync(reader, results, cancellationToken);
                }
            }

            foreach (var index in _functionCalls)
            {
                await MoveToResultAsync(reader, statement++, cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"The server gave no result for command {index}.");
                }

                results.Span[index] = WriteFunctionCalls.Read(reader);
            }

            if (!_charges.IsEmpty)
            {
                await MoveToResultAsync(reader, statement, cancellationToken);
                await _charges.ReadAsync(reader, results, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The set statements of the commands the partition let run set-based, then every other command's function call in order.</summary>
    private NpgsqlBatch Build(ReadOnlySpan<WriteCommand> commands, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        foreach (var set in _sets)
        {
            set.Clear();
        }

        _charges.Clear();
        _functionCalls.Clear();
        for (var i = 0; i < commands.Length; i++)
        {
            var command = commands[i];
            if (command is AcceptMessage accept)
            {
                _charges.Add(i, accept);
            }

            if (!_setBased[i])
            {
                _functionCalls.Add(i);
                continue;
            }

            switch (command)
            {
                case AcceptMessage a:
                    _accepts.Add(i, a);
                    break;
                case RecordSupplierAccepted a:
                    _supplierAccepts.Add(i, a);
                    break;
                case StoreReceipt r:
                    _receipts.Add(i, r, _probe.MatchOf(i)?.Part, _probe.LookupKeys(i));
                    break;
                case MarkCustomerReceiptDelivered d:
                    _deliveries.Add(i, d);
                    break;
                default:
                    throw new InvalidOperationException($"No set statement runs {command.GetType().Name}.");
            }
        }

        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var set in _sets)
        {
            if (set.Count > 0)
            {
                batch.BatchCommands.Add(set.Build());
            }
        }

        foreach (var index in _functionCalls)
        {
            batch.BatchCommands.Add(WriteFunctionCalls.Build(commands[index]));
        }

        if (!_charges.IsEmpty)
        {
            batch.BatchCommands.Add(_charges.Build());
        }

        return batch;
    }

    /// <summary>Every statement of the batch answers one result set (a function's row, a set statement's RETURNING).</summary>
    private static async ValueTask MoveToResultAsync(NpgsqlDataReader reader, int statement, CancellationToken cancellationToken)
    {
        if (statement > 0 && !await reader.NextResultAsync(cancellationToken))
        {
            throw new InvalidOperationException($"The server gave no result for statement {statement}.");
        }
    }
}
