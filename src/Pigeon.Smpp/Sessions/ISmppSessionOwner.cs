using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// What a session asks of whoever runs it (the server for SMSC-side sessions, the client for ESME-side ones):
/// bind decisions, application requests, and notice of bind and close.
/// </summary>
internal interface ISmppSessionOwner
{
    /// <summary>Decides a bind received by an SMSC-side session; Ok binds.</summary>
    ValueTask<CommandStatus> AuthenticateAsync(SmppSession session, BindRequest bind, CancellationToken cancellationToken);

    /// <summary>Answers a request the state machine allowed; null means "Ok" with an empty response body.</summary>
    ValueTask<ResponsePdu?> HandleAsync(SmppSession session, RequestPdu request, CancellationToken cancellationToken);

    /// <summary>The session became bound.</summary>
    void OnBound(SmppSession session);

    /// <summary>The session closed; called once, after the transport is released.</summary>
    void OnClosed(SmppSession session);
}
