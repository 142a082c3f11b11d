namespace Pigeon.Gateway.Webhooks;

/// <summary>The names event kinds carry on the wire (the Pigeon-Event-Type header and the body's "type").</summary>
public static class WebhookEventKindExtensions
{
    public static string ToWireName(this WebhookEventKind kind) => kind switch
    {
        WebhookEventKind.MessageStatus => "message.status",
        WebhookEventKind.MoReceived => "mo.received",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown webhook event kind."),
    };
}
