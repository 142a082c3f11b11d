using HdrHistogram;

namespace Pigeon.Bench;

/// <summary>
/// Records submit_sm_resp latencies from many threads into an HDR histogram (microsecond resolution, three
/// significant digits), so p50/p99/max are exact to 0.1% without keeping every sample.
/// </summary>
internal sealed class LatencyRecorder
{
    private static readonly long HighestTrackableMicroseconds = (long)TimeSpan.FromMinutes(5).TotalMicroseconds;
    private readonly LongConcurrentHistogram _histogram = new(1, HighestTrackableMicroseconds, 3);

    /// <summary>Records one latency measured in <see cref="TimeProvider"/> timestamp ticks.</summary>
    public void Record(TimeSpan elapsed)
    {
        var micros = Math.Clamp((long)elapsed.TotalMicroseconds, 1, HighestTrackableMicroseconds);
        _histogram.RecordValue(micros);
    }

    /// <summary>Samples recorded.</summary>
    public long Count => _histogram.TotalCount;

    /// <summary>The latency at a percentile (0-100), in milliseconds.</summary>
    public double PercentileMs(double percentile) =>
        _histogram.TotalCount == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    /// <summary>The largest latency, in milliseconds.</summary>
    public double MaxMs => _histogram.TotalCount == 0 ? 0 : _histogram.GetMaxValue() / 1000.0;
}
