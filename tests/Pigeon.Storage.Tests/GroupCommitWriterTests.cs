using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>The group-commit writer's own rules, over an in-memory executor (the engines are in the contract suite).</summary>
public sealed class GroupCommitWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_waiter_gets_the_result_of_its_own_command()
    {
        var executor = new RecordingBatchExecutor();
        await using var writer = new GroupCommitWriter(executor, new GroupCommitOptions(), TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(1, 500).Select(id => writer.WriteAsync(new MarkMoDelivered(id, At), Ct).AsTask()));

        Assert.Equal(Enumerable.Range(1, 500).Select(id => (long?)id), results.Select(r => r.Id));
        Assert.Equal(500, writer.CommittedCommands);
    }

    [Fact]
    public async Task Batches_never_exceed_the_maximum_size()
    {
        var executor = new RecordingBatchExecutor();
        await using var writer = new GroupCommitWriter(executor, new GroupCommitOptions { MaxBatchSize = 8 }, TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(1, 100).Select(id => writer.WriteAsync(new MarkMoDelivered(id, At), Ct).AsTask()));

        Assert.All(executor.Batches, batch => Assert.InRange(batch.Length, 1, 8));
        Assert.Equal(Enumerable.Range(1, 100).Select(id => (long)id), executor.Batches.SelectMany(batch => batch).Order());
    }

    [Fact]
    public async Task Commands_arriving_within_the_linger_share_one_transaction()
    {
        var time = new FakeTimeProvider(At);
        var executor = new RecordingBatchExecutor();
        await using var writer = new GroupCommitWriter(executor, new GroupCommitOptions { Linger = TimeSpan.FromMilliseconds(5) }, time);

        var writes = Enumerable.Range(1, 3).Select(id => writer.WriteAsync(new MarkMoDelivered(id, At), Ct).AsTask()).ToList();
        var all = Task.WhenAll(writes);
        // The loop waits on the fake clock once it holds the first command; move the clock until the batch commits.
        while (!all.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.WhenAny(all, Task.Delay(10, Ct));
        }

        await all;
        Assert.Equal([1L, 2L, 3L], Assert.Single(executor.Batches));
    }

    [Fact]
    public async Task A_failed_transaction_fails_every_waiter_and_acknowledges_none()
    {
        var executor = new RecordingBatchExecutor();
        var time = new FakeTimeProvider(At);
        var options = new GroupCommitOptions { Linger = TimeSpan.FromMilliseconds(5), IsolateFailures = false };
        await using var writer = new GroupCommitWriter(executor, options, time);

        var writes = new[] { 1L, -1L, 2L }.Select(id => writer.WriteAsync(new MarkMoDelivered(id, At), Ct).AsTask()).ToList();
        var all = Task.WhenAll(writes);
        while (!all.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.WhenAny(all, Task.Delay(10, Ct));
        }

        Assert.All(writes, write => Assert.IsType<InvalidOperationException>(write.Exception?.InnerException));
        Assert.Empty(executor.Batches);
        Assert.Equal(0, writer.CommittedCommands);
    }

    [Fact]
    public async Task Isolation_retries_a_failed_batch_one_command_at_a_time()
    {
        var executor = new RecordingBatchExecutor();
        var time = new FakeTimeProvider(At);
        await using var writer = new GroupCommitWriter(executor, new GroupCommitOptions { Linger = TimeSpan.FromMilliseconds(5) }, time);

        var writes = new[] { 1L, -1L, 2L }.Select(id => writer.WriteAsync(new MarkMoDelivered(id, At), Ct).AsTask()).ToList();
        var all = Task.WhenAll(writes);
        while (!all.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.WhenAny(all, Task.Delay(10, Ct));
        }

        Assert.Equal(1L, (await writes[0]).Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => writes[1]);
        Assert.Equal(2L, (await writes[2]).Id);
        Assert.Equal([[1L], [2L]], executor.Batches);
    }

    [Fact]
    public async Task Disposing_commits_what_was_queued_and_refuses_later_writes()
    {
        var executor = new RecordingBatchExecutor();
        var writer = new GroupCommitWriter(executor, new GroupCommitOptions(), TimeProvider.System);
        var queued = Enumerable.Range(1, 50).Select(id => writer.WriteAsync(new MarkMoDelivered(id, At), Ct).AsTask()).ToList();

        await writer.DisposeAsync();

        // Disposal returned only after the loop committed everything queued; the waiters then hear of it.
        Assert.Equal(Enumerable.Range(1, 50).Select(id => (long)id), executor.Batches.SelectMany(batch => batch).Order());
        Assert.Equal(Enumerable.Range(1, 50).Select(id => (long?)id), (await Task.WhenAll(queued)).Select(r => r.Id));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(new MarkMoDelivered(51, At), Ct).AsTask());
    }

    [Fact]
    public async Task Completion_sources_are_reused_across_writes()
    {
        var executor = new RecordingBatchExecutor();
        await using var writer = new GroupCommitWriter(executor, new GroupCommitOptions(), TimeProvider.System);
        var sources = new HashSet<object>(ReferenceEqualityComparer.Instance);

        for (var id = 1; id <= 200; id++)
        {
            sources.Add(await SourceOfAsync(writer.WriteAsync(new MarkMoDelivered(id, At), Ct)));
        }

        // One write at a time: the same pooled source serves them all (a Task per write would give 200).
        Assert.Single(sources);
    }

    /// <summary>What backs the ValueTask (a Task, or a pooled IValueTaskSource), read before awaiting it once.</summary>
    private static async Task<object> SourceOfAsync(ValueTask<WriteResult> write)
    {
        var source = typeof(ValueTask<WriteResult>)
            .GetField("_obj", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .GetValue(write)!;
        await write;
        return source;
    }
}
