namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>An AcceptedAsync call as the fake store recorded it.</summary>
internal sealed record AcceptedPart(long PartId, long SupplierId, string SupplierMessageId, int Attempts);
