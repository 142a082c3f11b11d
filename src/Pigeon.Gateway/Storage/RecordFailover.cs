using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// The part moves from <see cref="FromSupplierId"/> to <see cref="ToSupplierId"/> after temporary failures: it is
/// queued (Accepted) for the new supplier, its attempts counted, the message's current supplier updated. Changes
/// nothing when the part is final or no longer with <see cref="FromSupplierId"/>.
/// </summary>
public sealed record RecordFailover(MessageId PartId, long FromSupplierId, long ToSupplierId, string Reason, DateTimeOffset At) : WriteCommand;
