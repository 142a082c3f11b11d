namespace Pigeon.Gateway.Storage;

/// <summary>
/// Gives up receipts still pending that were queued before <see cref="CreatedBefore"/> (their account stayed
/// unbound too long). The result's <see cref="WriteResult.Count"/> says how many.
/// </summary>
public sealed record ExpireCustomerReceipts(DateTimeOffset CreatedBefore, DateTimeOffset At) : WriteCommand;
