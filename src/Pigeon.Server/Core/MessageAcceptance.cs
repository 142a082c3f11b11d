using Microsoft.Extensions.Logging;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Submission;
using Pigeon.Server.Dispatch;
using Pigeon.Server.Observability;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Server.Core;

/// <summary>
/// The one way a message enters Pigeon, whatever front end it came through (SMPP, the native HTTP API, the seed
/// dialects): planned by the <see cref="SubmissionPlanner"/> (validation, numbers, policy, route, price, balance
/// reservation), stored with its charge through the group-commit writer, and only then reported accepted; its parts
/// go to their supplier's queue (or wait for their scheduled time). A refusal stores and charges nothing; a failed
/// commit gives the reservation back. Front ends translate requests into <see cref="SubmissionRequest"/>s and
/// outcomes into their own answers, and add no rules of their own.
/// </summary>
internal sealed class MessageAcceptance
{
    private readonly GatewayCore _core;
    private readonly DispatchService _dispatch;
    private readonly ScheduledParts _scheduled;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MessageAcceptance(GatewayCore core, DispatchService dispatch, ScheduledParts scheduled, GatewayMetrics metrics, TimeProvider timeProvider, ILogger<MessageAcceptance> logger)
    {
        _core = core;
        _dispatch = dispatch;
        _scheduled = scheduled;
        _metrics = metrics;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>The time every front end reads "now" from, so their checks agree with the planner's.</summary>
    public TimeProvider Time => _time;

    /// <summary>Plans, stores and queues one submission from <paramref name="account"/>.</summary>
    public ValueTask<AcceptanceOutcome> AcceptAsync(SubmittingAccount account, SubmissionRequest request, CancellationToken cancellationToken) =>
        AcceptAsync(account, request, null, cancellationToken);

    /// <summary>
    /// Plans, stores and queues one submission from <paramref name="account"/>; <paramref name="remember"/>, when
    /// given, is a keyed request kept in the message's own transaction (a client reference used exactly when its
    /// message is stored).
    /// </summary>
    public async ValueTask<AcceptanceOutcome> AcceptAsync(SubmittingAccount account, SubmissionRequest request, RequestRecord? remember, CancellationToken cancellationToken)
    {
        var result = _core.Planner.Plan(request, account, _core.Routes.Current);
        if (!result.IsAccepted)
        {
            _metrics.SubmitRefused(result.Refusal.Status);
            GatewayLog.SubmitRefused(_logger, Who(account), result.Refusal.Code, result.Refusal.Message);
            return AcceptanceOutcome.Refused(result.Refusal);
        }

        var plan = result.Plan;
        var id = _core.Ids.Next();
        var message = plan.ToMessageRecord(id, _time.GetUtcNow());
        var parts = plan.ToMessageParts(id, _core.Ids);
        try
        {
            // Not cancellable once planned: the reservation is settled either by the commit or by the refund below.
            await _core.AcceptWriter.WriteAsync(new AcceptMessage(message, parts) { Remember = remember }, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _core.Balances.Refund(plan.Reservation);
            GatewayLog.AcceptFailed(_logger, e, Who(account));
            _metrics.SubmitRefused(CommandStatus.SystemError);
            return AcceptanceOutcome.Failed();
        }

        _metrics.SubmitAccepted();
        var failover = plan.Route.FailoverSupplierIds;
        foreach (var part in parts)
        {
            var item = DispatchItems.Create(message, part, failover);
            if (message.ScheduledAt is { } at)
            {
                _scheduled.Hold(item, at);
            }
            else
            {
                _dispatch.Enqueue(item);
            }
        }

        return AcceptanceOutcome.Accepted(id, plan);
    }

    private static string Who(SubmittingAccount account) => account.SmppAccount?.SystemId ?? account.Customer.Name;
}
