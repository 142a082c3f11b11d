namespace Pigeon.Server.Http.Dialect001;

/// <summary>A send as either wire form (JSON or XML) carried it, before any check.</summary>
/// <param name="SourceAddress">src_addr: an active alphanumeric sender of the customer.</param>
/// <param name="Phones">phone: the numbers as given (a JSON number's digits as written), null when absent.</param>
/// <param name="Message">message: the text.</param>
/// <param name="IntegrationId">integration_id: kept on every message as its client reference.</param>
internal sealed record Dialect001SendCommand(string? SourceAddress, IReadOnlyList<string?>? Phones, string? Message, string? IntegrationId);
