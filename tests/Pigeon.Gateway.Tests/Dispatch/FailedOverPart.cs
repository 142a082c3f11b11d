namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>A FailedOverAsync call as the fake store recorded it.</summary>
internal sealed record FailedOverPart(long PartId, long FromSupplierId, long ToSupplierId, string Reason);
