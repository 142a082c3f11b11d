namespace Pigeon.Gateway.Webhooks;

/// <summary>The settings after a write, and whether the write created them (and with them a new secret to show once).</summary>
public sealed record WebhookSettingsChange(WebhookSettings Settings, bool Created);
