using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// The supplier answered submit_sm_resp OK: the part becomes Enroute (from Accepted only), its message Enroute,
/// and the id map (supplier, normalised supplier message id) → part is stored, so receipts find the part. Receipts
/// that arrived before this (stored unmatched) are matched and applied in the same transaction.
/// <see cref="WriteResult.Changed"/> is false when the part was already past Accepted (a repeat).
/// </summary>
public sealed record RecordSupplierAccepted(MessageId PartId, long SupplierId, string SupplierMessageId, DateTimeOffset At) : WriteCommand;
