namespace Pigeon.Gateway.Storage;

/// <summary>
/// Keeps a mobile-originated message for its customer until delivered. <see cref="MoRecord.Id"/> is ignored; the
/// result's <see cref="WriteResult.Id"/> is the new row.
/// </summary>
public sealed record StoreMo(MoRecord Mo) : WriteCommand;
