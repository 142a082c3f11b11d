namespace Pigeon.Server.Http.Dialect001;

/// <summary>One message in a status answer: our id (decimal), its status word, the integration_id it was sent with.</summary>
internal sealed record Dialect001MessageState(string Id, string Status, string? IntegrationId);
