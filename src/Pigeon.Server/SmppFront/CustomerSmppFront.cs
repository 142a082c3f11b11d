using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Pigeon.Server.Core;
using Pigeon.Server.Observability;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Server;

namespace Pigeon.Server.SmppFront;

/// <summary>
/// The customers' side of the SMPP server. Binds are decided by the <see cref="Gateway.Security.BindAuthorizer"/>
/// (system_id, allow-list, password, account state, bind count); submits go through <see cref="SubmissionHandler"/>;
/// query_sm answers from the store for the customer's own messages only. cancel_sm and replace_sm are not supported
/// yet and are answered ESME_RCANCELFAIL and ESME_RREPLACEFAIL.
/// </summary>
internal sealed class CustomerSmppFront : ISmppServerHandler
{
    private readonly GatewayCore _core;
    private readonly SubmissionHandler _submissions;
    private readonly CustomerSessionRegistry _registry;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, BindableAccount> _sessions = new();

    public CustomerSmppFront(GatewayCore core, SubmissionHandler submissions, CustomerSessionRegistry registry, ILogger<CustomerSmppFront> logger)
    {
        _core = core;
        _submissions = submissions;
        _registry = registry;
        _logger = logger;
    }

    public ValueTask<CommandStatus> AuthenticateAsync(SmppServerSession session, BindRequest bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bind);
        var account = _core.Directory.FindBySystemId(bind.SystemId);
        var remote = (session.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        var decision = _core.Authorizer.Authorize(account?.Account, account?.Customer, bind.Password, remote, account?.AllowList);
        if (decision.Status != CommandStatus.Ok || account is null)
        {
            GatewayLog.BindRefused(_logger, bind.SystemId, remote.ToString(), decision.Status, decision.Reason);
            return ValueTask.FromResult(decision.Status);
        }

        _sessions[session.Id] = account;
        return ValueTask.FromResult(CommandStatus.Ok);
    }

    public void OnSessionBound(SmppServerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_sessions.TryGetValue(session.Id, out var account))
        {
            GatewayLog.CustomerBound(_logger, account.Account.SystemId, session.BindMode?.ToString() ?? "?", session.RemoteEndPoint?.ToString() ?? "?");
            _registry.TryAdd(account.Account.Id, session, int.MaxValue);
        }
    }

    public void OnSessionClosed(SmppServerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_sessions.TryRemove(session.Id, out var account))
        {
            _registry.Remove(account.Account.Id, session);
            _core.Authorizer.Release(account.Account.Id);
        }
    }

    public async ValueTask<ResponsePdu?> HandleAsync(SmppServerSession session, RequestPdu request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (!_sessions.TryGetValue(session.Id, out var account))
        {
            return request.CreateResponse(CommandStatus.InvalidBindStatus);
        }

        return request switch
        {
            SubmitSm submit => await _submissions.SubmitAsync(account, submit, cancellationToken),
            DataSm data => await _submissions.DataAsync(account, data, cancellationToken),
            SubmitMulti multi => await _submissions.SubmitMultiAsync(account, multi, cancellationToken),
            QuerySm query => await QueryAsync(account, query, cancellationToken),
            CancelSm cancel => cancel.CreateResponse(CommandStatus.CancelFailed),
            ReplaceSm replace => replace.CreateResponse(CommandStatus.ReplaceFailed),
            _ => request.CreateResponse(CommandStatus.InvalidCommandId),
        };
    }

    /// <summary>query_sm (section 4.8.1): the stored status of one of the customer's own messages; others' are unknown.</summary>
    private async ValueTask<ResponsePdu> QueryAsync(BindableAccount account, QuerySm query, CancellationToken cancellationToken)
    {
        if (!Gateway.Identity.MessageId.TryParse(query.MessageId, out var id))
        {
            return query.CreateResponse(CommandStatus.InvalidMessageId);
        }

        var detail = await _core.Store.Messages.GetMessageAsync(id, cancellationToken);
        if (detail is null || detail.Message.CustomerId != account.Customer.Id)
        {
            return query.CreateResponse(CommandStatus.QueryFailed);
        }

        var message = detail.Message;
        return new QuerySmResp
        {
            SequenceNumber = query.SequenceNumber,
            MessageId = query.MessageId,
            MessageState = Gateway.Messages.MessageStatusExtensions.ToMessageState(message.Status),
            FinalDate = message.DoneAt is { } done ? Gateway.Submission.SmppTime.FormatAbsolute(done) : string.Empty,
        };
    }
}
