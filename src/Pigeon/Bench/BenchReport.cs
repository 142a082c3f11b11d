using System.Text.Json.Serialization;

namespace Pigeon.Bench;

/// <summary>
/// The result of one load run; with --json it is printed as the last line. Field names are a contract for
/// scripts (bench/run-e2e.sh and the tests read them): add fields, never rename.
/// </summary>
internal sealed record BenchReport
{
    [JsonPropertyName("submitted")]
    public long Submitted { get; init; }

    [JsonPropertyName("ok")]
    public long Ok { get; init; }

    [JsonPropertyName("failed")]
    public long Failed { get; init; }

    [JsonPropertyName("errors_by_status")]
    public Dictionary<string, long> ErrorsByStatus { get; init; } = [];

    [JsonPropertyName("elapsed_s")]
    public double ElapsedSeconds { get; init; }

    [JsonPropertyName("submit_rate_per_s")]
    public double SubmitRatePerSecond { get; init; }

    [JsonPropertyName("p50_ms")]
    public double P50Ms { get; init; }

    [JsonPropertyName("p99_ms")]
    public double P99Ms { get; init; }

    [JsonPropertyName("max_ms")]
    public double MaxMs { get; init; }

    [JsonPropertyName("receipts_expected")]
    public long ReceiptsExpected { get; init; }

    [JsonPropertyName("receipts_received")]
    public long ReceiptsReceived { get; init; }

    [JsonPropertyName("receipts_matched")]
    public long ReceiptsMatched { get; init; }

    [JsonPropertyName("receipts_unmatched")]
    public long ReceiptsUnmatched { get; init; }

    [JsonPropertyName("end_to_end_rate_per_s")]
    public double EndToEndRatePerSecond { get; init; }

    [JsonPropertyName("binds")]
    public int Binds { get; init; }

    [JsonPropertyName("window")]
    public int Window { get; init; }
}
