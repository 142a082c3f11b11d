using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Security;

/// <summary>What <see cref="BindAuthorizer.Authorize"/> answered.</summary>
/// <param name="Status">The bind response's command_status: <see cref="CommandStatus.Ok"/> when the bind is allowed.</param>
/// <param name="Reason">Why, in words, for the log; never sent to the peer.</param>
public readonly record struct BindDecision(CommandStatus Status, string Reason)
{
    /// <summary>True when the bind is allowed and counted; the caller releases it when the session ends.</summary>
    public bool Allowed => Status == CommandStatus.Ok;
}
