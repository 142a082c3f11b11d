namespace Pigeon.Gateway.Storage;

/// <summary>
/// Stores <paramref name="Mo"/>, made from held parts, exactly as <see cref="StoreMo"/> stores an MO, and marks
/// those parts consumed, in one transaction: whoever assembles a set (the arrival of its last part, or a sweep after
/// a restart), the customer gets one MO. When any of <paramref name="PartIds"/> is no longer held, nothing is stored
/// and <see cref="WriteResult.Changed"/> is false; otherwise <see cref="WriteResult.Id"/> is the MO row.
/// </summary>
public sealed record StoreMoFromParts(MoRecord Mo, IReadOnlyList<long> PartIds, DateTimeOffset At) : WriteCommand;
