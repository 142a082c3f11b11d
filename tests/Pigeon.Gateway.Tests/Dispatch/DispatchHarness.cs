using Pigeon.Gateway.Dispatch;
using Pigeon.Gateway.Routing;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>A coordinator over a <see cref="FakeDispatchStore"/>, with time-outs and back-offs short enough for tests.</summary>
internal sealed class DispatchHarness : IAsyncDisposable
{
    public DispatchHarness(DispatchOptions? options = null)
    {
        Options = options ?? FastOptions();
        Coordinator = new DispatchCoordinator(Store, Store, Options);
    }

    public FakeDispatchStore Store { get; } = new();

    public DispatchOptions Options { get; }

    public DispatchCoordinator Coordinator { get; }

    public static DispatchOptions FastOptions() => new()
    {
        QueueCapacity = 1000,
        ResponseTimeout = TimeSpan.FromMilliseconds(500),
        ThrottleBackoffMin = TimeSpan.FromMilliseconds(20),
        ThrottleBackoffMax = TimeSpan.FromMilliseconds(200),
        RetryBackoffMin = TimeSpan.FromMilliseconds(20),
        RetryBackoffMax = TimeSpan.FromMilliseconds(200),
        ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
        LinkPollInterval = TimeSpan.FromMilliseconds(10),
        StoreRetryDelay = TimeSpan.FromMilliseconds(50),
        UnavailableFailoverAfter = Timeout.InfiniteTimeSpan,
    };

    public static Supplier SupplierFor(ScriptedSmsc smsc, long id = 1, int binds = 1, int window = 8, int tps = 0) => new()
    {
        Id = id,
        Name = $"smsc{id}",
        Host = "127.0.0.1",
        Port = smsc.Port,
        SystemId = "pigeon",
        Password = "secret",
        Binds = binds,
        Window = window,
        Tps = tps,
    };

    /// <summary>As the gateway does: store each part durably, then enqueue it.</summary>
    public void Submit(IEnumerable<DispatchItem> parts)
    {
        foreach (var part in parts)
        {
            Store.Add(part);
            Coordinator.Enqueue(part);
        }
    }

    public Task AcceptedAsync(int count) =>
        Eventually.HoldsAsync(() => Store.Accepted.Count >= count, $"{count} parts accepted (so far {Store.Accepted.Count})");

    public Task BoundAsync(long supplierId, int binds) =>
        Eventually.HoldsAsync(() => Coordinator.GetState(supplierId)?.BoundBinds == binds, $"supplier {supplierId} has {binds} binds bound");

    public async ValueTask DisposeAsync() => await Coordinator.DisposeAsync();
}
