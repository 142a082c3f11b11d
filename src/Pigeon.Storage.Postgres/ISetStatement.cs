using Npgsql;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// One statement running every command of one type that a batch lets run set-based: the commands' fields travel
/// as arrays (one per column, unnest'ed by the statement), and the statement answers what each command's
/// <see cref="WriteResult"/> needs. Instances are reused batch after batch (one batch runs at a time).
/// </summary>
internal interface ISetStatement
{
    /// <summary>Commands added since the last <see cref="Clear"/>.</summary>
    int Count { get; }

    void Clear();

    /// <summary>The statement for the commands added; only when <see cref="Count"/> is above zero.</summary>
    NpgsqlBatchCommand Build();

    /// <summary>Reads the statement's rows (the reader positioned on its result set) into each added command's result.</summary>
    ValueTask ReadAsync(NpgsqlDataReader reader, Memory<WriteResult> results, CancellationToken cancellationToken);
}
