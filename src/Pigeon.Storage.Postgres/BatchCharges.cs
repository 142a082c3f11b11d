using Npgsql;
using NpgsqlTypes;
using Pigeon.Gateway.Storage;
using static Pigeon.Storage.Postgres.TypedParameters;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// The charges of a batch's accepted messages, per customer in command order. Each message's ledger entry is
/// written with the message; the running balance moves once per customer at the end of the batch, in one statement
/// (a bulk sender's customer row is then updated once a transaction instead of once a message: each update of a row
/// leaves a row version behind that the next update in the transaction must step over). Each accepted message
/// reports the balance right after its own charge: the final balance plus the charges after it in the batch.
/// Reused batch after batch (one batch runs at a time).
/// </summary>
internal sealed class BatchCharges
{
    private const string Sql = """
        UPDATE customers c SET balance = c.balance + u.amount
        FROM unnest($1::bigint[], $2::numeric[]) AS u (id, amount)
        WHERE c.id = u.id
        RETURNING c.id, c.balance
        """;

    private readonly SortedDictionary<long, List<(int Index, decimal Charge)>> _charges = [];
    private readonly HashSet<long> _moved = [];

    public bool IsEmpty => _charges.Count == 0;

    public void Clear() => _charges.Clear();

    /// <summary>Counts the charge of the accept at <paramref name="index"/>, if it has one.</summary>
    public void Add(int index, AcceptMessage command)
    {
        var message = command.Message;
        if (message.Charge == 0m)
        {
            return;
        }

        if (!_charges.TryGetValue(message.CustomerId, out var charges))
        {
            _charges[message.CustomerId] = charges = [];
        }

        charges.Add((index, message.Charge));
    }

    /// <summary>The one statement moving every charged customer's balance, customers in id order (the lock order).</summary>
    public NpgsqlBatchCommand Build()
    {
        var customers = _charges.Keys.ToArray();
        var amounts = _charges.Values.Select(charges => -charges.Sum(c => c.Charge)).ToArray();
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.Add(Array(NpgsqlDbType.Bigint, customers));
        command.Parameters.Add(Array(NpgsqlDbType.Numeric, amounts));
        return command;
    }

    /// <summary>Reads the new balances (the reader on this statement's rows) into the accepts' results.</summary>
    public async ValueTask ReadAsync(NpgsqlDataReader reader, Memory<WriteResult> results, CancellationToken cancellationToken)
    {
        _moved.Clear();
        while (await reader.ReadAsync(cancellationToken))
        {
            var charges = _charges[reader.GetInt64(0)];
            var balance = reader.GetDecimal(1);
            for (var k = charges.Count - 1; k >= 0; k--)
            {
                var index = charges[k].Index;
                results.Span[index] = results.Span[index] with { Balance = balance };
                balance += charges[k].Charge;
            }

            _moved.Add(reader.GetInt64(0));
        }

        if (_moved.Count != _charges.Count)
        {
            throw new InvalidOperationException($"No customer {string.Join(", ", _charges.Keys.Except(_moved))}.");
        }
    }
}
