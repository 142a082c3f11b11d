using System.Collections.Concurrent;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>
/// An in-memory <see cref="IWriteBatchExecutor"/> for the writer's own behaviour: it records each batch, answers each
/// <see cref="MarkMoDelivered"/> with its own id, and fails a whole batch holding a command with id below zero.
/// </summary>
internal sealed class RecordingBatchExecutor : IWriteBatchExecutor
{
    public ConcurrentQueue<long[]> Batches { get; } = new();

    public ValueTask ExecuteAsync(ReadOnlyMemory<WriteCommand> commands, Memory<WriteResult> results, CancellationToken cancellationToken)
    {
        var ids = new long[commands.Length];
        for (var i = 0; i < commands.Length; i++)
        {
            ids[i] = ((MarkMoDelivered)commands.Span[i]).Id;
        }

        if (ids.Any(id => id < 0))
        {
            return ValueTask.FromException(new InvalidOperationException("The transaction was rolled back."));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            results.Span[i] = new WriteResult { Changed = true, Id = ids[i] };
        }

        Batches.Enqueue(ids);
        return ValueTask.CompletedTask;
    }
}
