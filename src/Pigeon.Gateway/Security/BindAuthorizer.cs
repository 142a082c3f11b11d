using System.Net;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Limits;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Security;

/// <summary>
/// Decides an SMPP bind (sections 4.1.1 to 4.1.6) for an account looked up by system_id. The checks, in order, the
/// cheap ones that need no secret first so that a stranger cannot make us hash:
/// <code>
/// check                                              command_status
/// the system_id names an account                     ESME_RINVSYSID  0x0F
/// the peer's address is in the account's allow-list ESME_RBINDFAIL  0x0D (a malformed list refuses too)
/// the password matches (CredentialVerifier)          ESME_RINVPASWD  0x0E
/// the customer is active and bind_enabled is on      ESME_RBINDFAIL  0x0D
/// fewer than MaxBinds binds are open (BindCounter)   ESME_RBINDFAIL  0x0D
/// </code>
/// A password is checked before the account's state is told, so only someone who knows it learns that an account
/// is disabled. An allowed bind is counted; the caller must call <see cref="Release"/> when its session ends.
/// </summary>
public sealed class BindAuthorizer
{
    private readonly CredentialVerifier _verifier;
    private readonly BindCounter _binds;

    /// <summary>Creates an authorizer over the shared credential verifier and bind counter.</summary>
    public BindAuthorizer(CredentialVerifier verifier, BindCounter binds)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(binds);
        _verifier = verifier;
        _binds = binds;
    }

    /// <summary>
    /// Decides a bind of <paramref name="account"/> (null when no account has the system_id) owned by
    /// <paramref name="customer"/>, with <paramref name="password"/>, from <paramref name="remote"/>.
    /// <paramref name="allowList"/> is the account's parsed allow-list, or null to parse
    /// <see cref="SmppAccount.AllowedIps"/> now.
    /// </summary>
    public BindDecision Authorize(SmppAccount? account, Customer? customer, ReadOnlySpan<char> password, IPAddress remote, IpAllowList? allowList = null)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (account is null || customer is null || customer.Id != account.CustomerId)
        {
            return new BindDecision(CommandStatus.InvalidSystemId, "No account has this system_id.");
        }

        if (allowList is null && !IpAllowList.TryParse(account.AllowedIps, out allowList, out var invalid))
        {
            return new BindDecision(CommandStatus.BindFailed, $"The account's allow-list has a malformed entry \"{invalid}\".");
        }

        if (!allowList.IsAllowed(remote))
        {
            return new BindDecision(CommandStatus.BindFailed, $"{remote} is not in the account's allow-list.");
        }

        if (!_verifier.Verify(password, account.PasswordHash))
        {
            return new BindDecision(CommandStatus.InvalidPassword, "Wrong password.");
        }

        if (customer.Status != CustomerStatus.Active)
        {
            return new BindDecision(CommandStatus.BindFailed, $"Customer {customer.Name} is {customer.Status}.");
        }

        if (!account.BindEnabled)
        {
            return new BindDecision(CommandStatus.BindFailed, "Binding is disabled for this account.");
        }

        return _binds.TryAcquire(account.Id, account.MaxBinds)
            ? new BindDecision(CommandStatus.Ok, "Bound.")
            : new BindDecision(CommandStatus.BindFailed, $"The account already has its {account.MaxBinds} binds open.");
    }

    /// <summary>Counts one allowed bind of <paramref name="accountId"/> as ended.</summary>
    public void Release(long accountId) => _binds.Release(accountId);
}
