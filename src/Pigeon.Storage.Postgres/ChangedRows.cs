using Npgsql;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// The answer of a set statement whose rows are the batch indexes of the commands it changed: those are Changed,
/// every other command it ran was a repeat (not changed).
/// </summary>
internal static class ChangedRows
{
    public static async ValueTask ReadAsync<TCommand>(
        NpgsqlDataReader reader, Memory<WriteResult> results, List<(int Index, TCommand Command)> commands, CancellationToken cancellationToken)
    {
        foreach (var (index, _) in commands)
        {
            results.Span[index] = new WriteResult { Changed = false };
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            results.Span[reader.GetInt32(0)] = new WriteResult { Changed = true };
        }
    }
}
