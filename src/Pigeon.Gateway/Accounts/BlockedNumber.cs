namespace Pigeon.Gateway.Accounts;

/// <summary>
/// A destination no message may be sent to: blocked for every customer by the operator (<see cref="CustomerId"/>
/// null), or for one customer only. Every front end honours it, because the <see cref="Submission.SubmissionPlanner"/>
/// refuses it after normalising the destination (refusal <c>destination_blocked</c>).
/// </summary>
public sealed record BlockedNumber
{
    /// <summary>E.164 digits without '+', as destinations are after normalisation.</summary>
    public required string Number { get; init; }

    /// <summary>The customer the number is blocked for; null when blocked for everyone.</summary>
    public long? CustomerId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
