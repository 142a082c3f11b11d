namespace Pigeon.Gateway.Storage;

/// <summary>
/// Queues a receipt for an SMPP account beyond those the store queues itself when a message becomes final (for
/// example an intermediate notification). <see cref="CustomerReceiptRecord.Id"/> is ignored; the result's
/// <see cref="WriteResult.Id"/> is the new row.
/// </summary>
public sealed record EnqueueCustomerReceipt(CustomerReceiptRecord Receipt) : WriteCommand;
