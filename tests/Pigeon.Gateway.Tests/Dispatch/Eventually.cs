using System.Diagnostics;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>Waits for a condition over real sockets and real time, with a generous deadline so slow machines pass.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task HoldsAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Waited {limit} for: {because}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Checks that a condition stays true for a while (something must not happen).</summary>
    public static async Task StaysAsync(Func<bool> condition, string because, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            Assert.True(condition(), because);
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
