namespace Pigeon.Gateway.Accounts;

/// <summary>
/// A tenant: everything else (SMPP accounts, sender ids, messages, balance moves) belongs to exactly one customer.
/// The balance shown here is derived from the append-only ledger; it is never written directly.
/// </summary>
public sealed record Customer
{
    public required long Id { get; init; }

    /// <summary>Unique, human-readable name (e.g. "demo").</summary>
    public required string Name { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country, upper case; the default country for numbers given without one.</summary>
    public required string Country { get; init; }

    /// <summary>ISO 4217 currency of the balance and prices (e.g. "EUR").</summary>
    public required string Currency { get; init; }

    public CustomerStatus Status { get; init; } = CustomerStatus.Active;

    /// <summary>The sum of the ledger.</summary>
    public decimal Balance { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
