namespace Pigeon.Storage.Benchmarks;

/// <summary>What one run of <see cref="AcceptLoad"/> measured.</summary>
internal sealed record AcceptLoadResult(string Engine, int Producers, long Messages, long Batches, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}
