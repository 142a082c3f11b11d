using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>The envelope of every dialect 002 answer (seed document 4.1.3), its fields in the document's order.</summary>
internal sealed record SmsResponse
{
    /// <summary>"SUCCESS" or "FAILED".</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>200 or an API status code of section 3.1 (<see cref="ApiStatus"/>).</summary>
    [JsonPropertyName("status_code")]
    public required int StatusCode { get; init; }

    /// <summary>Empty on success; the code's meaning otherwise.</summary>
    [JsonPropertyName("error_message")]
    public required string ErrorMessage { get; init; }

    [JsonPropertyName("smsinfo")]
    public required IReadOnlyList<SmsInfo> SmsInfo { get; init; }

    /// <summary>The answer of a request refused as a whole: FAILED, <paramref name="code"/>, no SMS.</summary>
    public static SmsResponse Failed(int code, string? message = null) => new()
    {
        Status = "FAILED",
        StatusCode = code,
        ErrorMessage = message ?? ApiStatus.Meaning(code),
        SmsInfo = [],
    };
}
