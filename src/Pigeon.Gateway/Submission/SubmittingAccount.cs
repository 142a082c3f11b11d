using System.Collections.Frozen;
using Pigeon.Gateway.Accounts;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// A snapshot of who submits, prepared for the checks of every submission: the customer, the SMPP account (null
/// over HTTP), the customer's active sender ids as a set and the account's closed user group. Build one when the
/// account is loaded or changes, and reuse it.
/// <para>
/// The sender rule: every source must be one of the customer's active sender ids, alphanumeric or numeric alike.
/// An alphanumeric source (TON 5, or TON 0 with a letter or a symbol people do not type in numbers) matches a sender id exactly, case included,
/// since the handset shows it as given. A numeric source matches in its E.164 form, read as the destination is in
/// the customer's country, or as given (for short codes). A customer without sender ids cannot send.
/// </para>
/// </summary>
public sealed class SubmittingAccount
{
    private readonly FrozenSet<string> _senders;

    /// <summary>
    /// Prepares <paramref name="customer"/>, its SMPP account (null over HTTP), its sender ids (others' are ignored)
    /// and the block list of destinations (none when null).
    /// </summary>
    public SubmittingAccount(Customer customer, SmppAccount? smppAccount, IEnumerable<SenderId> senderIds, BlockedDestinations? blockedDestinations = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(senderIds);
        if (smppAccount is not null && smppAccount.CustomerId != customer.Id)
        {
            throw new ArgumentException($"SMPP account {smppAccount.Id} belongs to customer {smppAccount.CustomerId}, not {customer.Id}.", nameof(smppAccount));
        }

        Customer = customer;
        SmppAccount = smppAccount;
        _senders = senderIds
            .Where(s => s.Active && s.CustomerId == customer.Id)
            .Select(s => s.Value.StartsWith('+') && s.Value.Length > 1 ? s.Value[1..] : s.Value)
            .ToFrozenSet(StringComparer.Ordinal);
        BlockedDestinations = blockedDestinations ?? BlockedDestinations.None;
        ClosedUserGroup = smppAccount is { ClosedUserGroup.Count: > 0 } ? new ClosedUserGroup(smppAccount.ClosedUserGroup) : ClosedUserGroup.Open;
    }

    /// <summary>The customer.</summary>
    public Customer Customer { get; }

    /// <summary>The SMPP account the submission came in on; null for HTTP.</summary>
    public SmppAccount? SmppAccount { get; }

    /// <summary>The SMPP account's closed user group; open over HTTP.</summary>
    public ClosedUserGroup ClosedUserGroup { get; }

    /// <summary>The destinations no message may go to (operator-wide and this customer's).</summary>
    public BlockedDestinations BlockedDestinations { get; }

    /// <summary>The active sender ids, numbers without '+'.</summary>
    public IReadOnlySet<string> Senders => _senders;

    /// <summary>True if <paramref name="sender"/> (alphanumeric as given, or digits) is an active sender id.</summary>
    public bool AllowsSender(string sender) => _senders.Contains(sender);
}
