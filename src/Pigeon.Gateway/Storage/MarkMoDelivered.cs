namespace Pigeon.Gateway.Storage;

/// <summary>The customer acknowledged the MO; it is no longer pending.</summary>
public sealed record MarkMoDelivered(long Id, DateTimeOffset At) : WriteCommand;
