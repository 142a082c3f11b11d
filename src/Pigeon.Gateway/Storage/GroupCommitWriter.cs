using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// Batches concurrent writes into shared transactions, so durability does not cost throughput: producers
/// <c>await WriteAsync(command)</c>; one loop takes every command waiting (up to
/// <see cref="GroupCommitOptions.MaxBatchSize"/>, optionally lingering for more), executes them in ONE transaction
/// through the store's <see cref="IWriteBatchExecutor"/>, and completes every waiter once it committed. A batch
/// that fails fails its waiters: nothing is acknowledged that was not committed. Storage-agnostic.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly IWriteBatchExecutor _executor;
    private readonly GroupCommitOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<PendingWrite> _queue;
    private readonly ConcurrentQueue<PendingWrite> _pool = new();
    private readonly Action<PendingWrite> _recycle;
    private readonly Task _loop;
    private long _batches;
    private long _commands;
    private int _pooled;
    private int _disposed;

    public GroupCommitWriter(IWriteBatchExecutor executor, GroupCommitOptions options, TimeProvider timeProvider, ILogger<GroupCommitWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        _executor = executor;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<GroupCommitWriter>.Instance;
        _recycle = Recycle;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far.</summary>
    public long CommittedBatches => Interlocked.Read(ref _batches);

    /// <summary>Commands committed so far.</summary>
    public long CommittedCommands => Interlocked.Read(ref _commands);

    /// <summary>
    /// Queues <paramref name="command"/> and completes when the transaction holding it has committed, with the
    /// command's outcome; throws what the store threw when it did not commit. <paramref name="cancellationToken"/>
    /// cancels only the wait for room in the queue: once queued, a command is executed.
    /// </summary>
    public ValueTask<WriteResult> WriteAsync(WriteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var pending = Rent();
        pending.Command = command;
        var result = pending.AsValueTask();
        if (_queue.Writer.TryWrite(pending))
        {
            return result;
        }

        return WaitForRoomAsync(pending, cancellationToken);
    }

    /// <summary>Stops taking commands, commits every command already queued, then ends the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _loop;
    }

    private async ValueTask<WriteResult> WaitForRoomAsync(PendingWrite pending, CancellationToken cancellationToken)
    {
        var result = pending.AsValueTask();
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            pending.Command = null;
            throw new ObjectDisposedException(nameof(GroupCommitWriter));
        }

        return await result;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var pendings = new PendingWrite[_options.MaxBatchSize];
        var commands = new WriteCommand[_options.MaxBatchSize];
        var results = new WriteResult[_options.MaxBatchSize];
        while (await reader.WaitToReadAsync())
        {
            var count = Drain(reader, pendings, commands, 0);
            if (count < pendings.Length && _options.Linger > TimeSpan.Zero)
            {
                await Task.Delay(_options.Linger, _timeProvider);
                count = Drain(reader, pendings, commands, count);
            }

            await CommitAsync(pendings, commands, results, count);
            Array.Clear(pendings, 0, count);
            Array.Clear(commands, 0, count);
        }
    }

    private static int Drain(ChannelReader<PendingWrite> reader, PendingWrite[] pendings, WriteCommand[] commands, int count)
    {
        while (count < pendings.Length && reader.TryRead(out var pending))
        {
            pendings[count] = pending;
            commands[count] = pending.Command!;
            count++;
        }

        return count;
    }

    private async Task CommitAsync(PendingWrite[] pendings, WriteCommand[] commands, WriteResult[] results, int count)
    {
        try
        {
            await _executor.ExecuteAsync(commands.AsMemory(0, count), results.AsMemory(0, count), CancellationToken.None);
        }
        catch (Exception error) when (count > 1 && _options.IsolateFailures)
        {
            _logger.LogWarning(error, "A batch of {Count} writes failed; retrying each in its own transaction", count);
            await CommitOneByOneAsync(pendings, commands, results, count);
            return;
        }
        catch (Exception error)
        {
            _logger.LogError(error, "A batch of {Count} writes failed", count);
            for (var i = 0; i < count; i++)
            {
                pendings[i].Fail(error);
            }

            return;
        }

        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _commands, count);
        for (var i = 0; i < count; i++)
        {
            pendings[i].Succeed(results[i]);
        }
    }

    private async Task CommitOneByOneAsync(PendingWrite[] pendings, WriteCommand[] commands, WriteResult[] results, int count)
    {
        for (var i = 0; i < count; i++)
        {
            try
            {
                await _executor.ExecuteAsync(commands.AsMemory(i, 1), results.AsMemory(i, 1), CancellationToken.None);
            }
            catch (Exception error)
            {
                pendings[i].Fail(error);
                continue;
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Increment(ref _commands);
            pendings[i].Succeed(results[i]);
        }
    }

    private PendingWrite Rent()
    {
        if (_pool.TryDequeue(out var pending))
        {
            Interlocked.Decrement(ref _pooled);
            return pending;
        }

        return new PendingWrite(_recycle);
    }

    private void Recycle(PendingWrite pending)
    {
        // Keep at most as many as can be queued at once; the rest go to the garbage collector.
        if (Interlocked.Increment(ref _pooled) <= _options.QueueCapacity)
        {
            _pool.Enqueue(pending);
        }
        else
        {
            Interlocked.Decrement(ref _pooled);
        }
    }
}
