namespace Pigeon.Gateway.Storage;

/// <summary>
/// Keeps a supplier's delivery receipt, always, and matches it to a part through the id map by each of
/// <see cref="Smpp.Receipts.ReceiptMessageId.GetLookupKeys"/>. When matched, the receipt's status is applied to
/// the part if the part is not final yet (idempotent: a second final receipt changes nothing). When not matched it
/// waits; <see cref="RecordSupplierAccepted"/> matches it later. The result tells the row
/// (<see cref="WriteResult.Id"/>), the part matched (<see cref="WriteResult.PartId"/>) and whether the status
/// changed (<see cref="WriteResult.Changed"/>; false with a part is a duplicate).
/// <see cref="ReceiptRecord.Id"/> and <see cref="ReceiptRecord.PartId"/> of the input are ignored.
/// </summary>
public sealed record StoreReceipt(ReceiptRecord Receipt) : WriteCommand;
