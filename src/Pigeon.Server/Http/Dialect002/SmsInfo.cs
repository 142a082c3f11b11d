using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>One SMS of a dialect 002 answer (seed document 4.1.4), its fields in the document's order.</summary>
internal sealed record SmsInfo
{
    [JsonPropertyName("sms_status")]
    public required string SmsStatus { get; init; }

    [JsonPropertyName("status_message")]
    public required string StatusMessage { get; init; }

    /// <summary>The number as normalised (country code, no '+'); as given when it is not a number.</summary>
    [JsonPropertyName("msisdn")]
    public required string Msisdn { get; init; }

    /// <summary>"BN" when the text needs Unicode (UCS-2), else "EN".</summary>
    [JsonPropertyName("sms_type")]
    public required string SmsType { get; init; }

    [JsonPropertyName("sms_body")]
    public required string SmsBody { get; init; }

    [JsonPropertyName("csms_id")]
    public required string CsmsId { get; init; }

    /// <summary>Our message id (decimal); empty when the SMS was not taken.</summary>
    [JsonPropertyName("reference_id")]
    public required string ReferenceId { get; init; }
}
