namespace Pigeon.Gateway.Storage;

/// <summary>
/// Executes a batch of <see cref="WriteCommand"/>s in one transaction. Used by one caller at a time (the
/// <see cref="GroupCommitWriter"/> loop), so an implementation may keep one connection and prepared statements.
/// </summary>
public interface IWriteBatchExecutor
{
    /// <summary>
    /// Executes <paramref name="commands"/> in order in one transaction and commits it durably, writing each
    /// command's outcome to the same index of <paramref name="results"/>. Throws when the transaction did not
    /// commit; then nothing of the batch is stored.
    /// </summary>
    ValueTask ExecuteAsync(ReadOnlyMemory<WriteCommand> commands, Memory<WriteResult> results, CancellationToken cancellationToken);
}
