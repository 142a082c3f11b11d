using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>A RejectedAsync call as the fake store recorded it.</summary>
internal sealed record RejectedPart(long PartId, long SupplierId, CommandStatus Status);
