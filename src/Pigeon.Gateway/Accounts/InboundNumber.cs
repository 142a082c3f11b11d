namespace Pigeon.Gateway.Accounts;

/// <summary>A number (E.164 digits or a short code) whose MO messages belong to a customer.</summary>
public sealed record InboundNumber
{
    public required string Number { get; init; }

    public required long CustomerId { get; init; }

    /// <summary>The SMPP account MO is delivered to; null: any bound receiver of the customer.</summary>
    public long? SmppAccountId { get; init; }
}
