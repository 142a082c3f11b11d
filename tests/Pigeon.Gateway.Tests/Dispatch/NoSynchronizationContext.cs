namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>
/// Runs a block without a synchronization context, so awaits inside the code under test continue inline on the
/// thread that completes them: step-by-step tests then see every effect at once.
/// </summary>
internal sealed class NoSynchronizationContext : IDisposable
{
    private readonly SynchronizationContext? _previous = SynchronizationContext.Current;

    private NoSynchronizationContext() => SynchronizationContext.SetSynchronizationContext(null);

    public static NoSynchronizationContext Enter() => new();

    public void Dispose() => SynchronizationContext.SetSynchronizationContext(_previous);
}
