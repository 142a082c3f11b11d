namespace Pigeon.Gateway.Storage;

/// <summary>The SMPP account acknowledged the receipt (deliver_sm_resp OK); it is no longer pending.</summary>
public sealed record MarkCustomerReceiptDelivered(long Id, DateTimeOffset At) : WriteCommand;
