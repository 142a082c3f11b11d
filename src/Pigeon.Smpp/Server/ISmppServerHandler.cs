using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Server;

/// <summary>
/// The application behind an <see cref="SmppServer"/>: it decides binds and answers requests. Its methods are
/// called from each session's read loop, so an answer that is ready at once (a completed
/// <see cref="ValueTask{TResult}"/>) is the fast path; an asynchronous answer is fine and does not hold up the
/// session, but counts against the incoming window until it completes.
/// </summary>
public interface ISmppServerHandler
{
    /// <summary>
    /// Decides a bind. Return <see cref="CommandStatus.Ok"/> to bind, or the refusal status (e.g.
    /// <see cref="CommandStatus.InvalidPassword"/>, <see cref="CommandStatus.InvalidSystemId"/>); a refused session
    /// is closed after the response. The session is not yet bound while this runs.
    /// </summary>
    ValueTask<CommandStatus> AuthenticateAsync(SmppServerSession session, BindRequest bind, CancellationToken cancellationToken);

    /// <summary>
    /// Answers a request the bind state allows (submit_sm, data_sm, query_sm, ...). Return the response, or null to
    /// answer <see cref="CommandStatus.Ok"/> with an empty body. To push back, answer
    /// <c>request.CreateResponse(CommandStatus.Throttled)</c> or <see cref="CommandStatus.MessageQueueFull"/>. An
    /// exception is answered ESME_RSYSERR. The token is cancelled when the session closes.
    /// </summary>
    ValueTask<ResponsePdu?> HandleAsync(SmppServerSession session, RequestPdu request, CancellationToken cancellationToken);

    /// <summary>The session is bound; from now on it may be sent deliver_sm and other requests.</summary>
    void OnSessionBound(SmppServerSession session)
    {
    }

    /// <summary>The session closed; <see cref="SmppServerSession.CloseReason"/> says why.</summary>
    void OnSessionClosed(SmppServerSession session)
    {
    }
}
