namespace Pigeon.Gateway.Accounts;

/// <summary>
/// An SMPP login of a customer. The password is stored only as a hash (<see cref="PasswordHash"/>), checked in
/// constant time at bind.
/// </summary>
public sealed record SmppAccount
{
    public required long Id { get; init; }

    public required long CustomerId { get; init; }

    /// <summary>system_id, at most 15 characters (SMPP v3.4), unique across the installation.</summary>
    public required string SystemId { get; init; }

    /// <summary>The password's hash in a self-describing format (algorithm, parameters, salt, hash).</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Binds are refused (ESME_RBINDFAIL) when false.</summary>
    public bool BindEnabled { get; init; } = true;

    /// <summary>Submits are refused (ESME_RSUBMITFAIL class) when false, binds still allowed (receipts flow).</summary>
    public bool SubmitEnabled { get; init; } = true;

    /// <summary>Most concurrent binds of this system_id.</summary>
    public int MaxBinds { get; init; } = 4;

    /// <summary>Submits per second over all binds, above which ESME_RTHROTTLED is answered; 0 for no limit.</summary>
    public int Tps { get; init; }

    /// <summary>Addresses or CIDR ranges binds may come from; empty allows any.</summary>
    public IReadOnlyList<string> AllowedIps { get; init; } = [];

    /// <summary>
    /// The closed user group: when not empty, the account may send only to these numbers or number prefixes
    /// (E.164 digits, no '+').
    /// </summary>
    public IReadOnlyList<string> ClosedUserGroup { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
}
