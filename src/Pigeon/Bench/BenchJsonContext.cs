using System.Text.Json.Serialization;

namespace Pigeon.Bench;

/// <summary>Source-generated JSON for the load tool's report (no reflection at run time).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
