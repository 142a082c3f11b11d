using System.Globalization;
using Microsoft.Extensions.Logging;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Submission;
using Pigeon.Server.Core;
using Pigeon.Server.Dispatch;
using Pigeon.Server.Observability;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Server.SmppFront;

/// <summary>
/// submit_sm, data_sm and submit_multi from a bound customer: each destination planned (a refusal answers its
/// command_status with nothing stored or charged), stored with its charge through the group-commit writer, and
/// acknowledged with our message id only after the commit. A failed commit gives the reservation back and answers
/// ESME_RSYSERR. Stored parts go to their supplier's queue.
/// </summary>
internal sealed class SubmissionHandler
{
    private readonly GatewayCore _core;
    private readonly DispatchService _dispatch;
    private readonly ScheduledParts _scheduled;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SubmissionHandler(GatewayCore core, DispatchService dispatch, ScheduledParts scheduled, GatewayMetrics metrics, TimeProvider timeProvider, ILogger<SubmissionHandler> logger)
    {
        _core = core;
        _dispatch = dispatch;
        _scheduled = scheduled;
        _metrics = metrics;
        _time = timeProvider;
        _logger = logger;
    }

    public async ValueTask<ResponsePdu> SubmitAsync(BindableAccount account, SubmitSm pdu, CancellationToken cancellationToken)
    {
        if (!SubmissionRequests.TryCreate(pdu, _time.GetUtcNow(), out var request, out var refusal))
        {
            return Refuse(pdu, refusal);
        }

        var (id, status) = await AcceptAsync(account, request, cancellationToken);
        return status == CommandStatus.Ok
            ? new SubmitSmResp { SequenceNumber = pdu.SequenceNumber, MessageId = id }
            : pdu.CreateResponse(status);
    }

    public async ValueTask<ResponsePdu> DataAsync(BindableAccount account, DataSm pdu, CancellationToken cancellationToken)
    {
        var (id, status) = await AcceptAsync(account, SubmissionRequests.Create(pdu), cancellationToken);
        return status == CommandStatus.Ok
            ? new DataSmResp { SequenceNumber = pdu.SequenceNumber, MessageId = id }
            : pdu.CreateResponse(status);
    }

    /// <summary>
    /// submit_multi (section 4.5): one message per SME destination, refused ones listed in unsuccessful_sme. The
    /// response carries the first accepted message's id; distribution lists are not supported (ESME_RINVDSTADR).
    /// </summary>
    public async ValueTask<ResponsePdu> SubmitMultiAsync(BindableAccount account, SubmitMulti pdu, CancellationToken cancellationToken)
    {
        var response = new SubmitMultiResp { SequenceNumber = pdu.SequenceNumber };
        string? firstId = null;
        var firstRefusal = CommandStatus.InvalidDestinationAddress;
        foreach (var destination in pdu.Destinations)
        {
            var status = CommandStatus.InvalidDestinationAddress;
            if (destination.Flag == DestinationFlag.SmeAddress)
            {
                if (SubmissionRequests.TryCreate(pdu, destination.Address, _time.GetUtcNow(), out var request, out var refusal))
                {
                    (var id, status) = await AcceptAsync(account, request, cancellationToken);
                    firstId ??= status == CommandStatus.Ok ? id : null;
                }
                else
                {
                    status = refusal.Status;
                    _metrics.SubmitRefused(status);
                }
            }

            if (status != CommandStatus.Ok)
            {
                firstRefusal = response.UnsuccessfulSmes.Count == 0 ? status : firstRefusal;
                response.UnsuccessfulSmes.Add(new UnsuccessfulSme(destination.Address, status));
            }
        }

        if (firstId is null)
        {
            return pdu.CreateResponse(firstRefusal);
        }

        response.MessageId = firstId;
        return response;
    }

    private async ValueTask<(string Id, CommandStatus Status)> AcceptAsync(BindableAccount account, SubmissionRequest request, CancellationToken cancellationToken)
    {
        var result = _core.Planner.Plan(request, account.Submitting, _core.Routes.Current);
        if (!result.IsAccepted)
        {
            _metrics.SubmitRefused(result.Refusal.Status);
            GatewayLog.SubmitRefused(_logger, account.Account.SystemId, result.Refusal.Code, result.Refusal.Message);
            return (string.Empty, result.Refusal.Status);
        }

        var plan = result.Plan;
        var id = _core.Ids.Next();
        var now = _time.GetUtcNow();
        var message = plan.ToMessageRecord(id, now);
        var parts = plan.ToMessageParts(id, _core.Ids);
        try
        {
            // Not cancellable once planned: the reservation is settled either by the commit or by the refund below.
            await _core.Writer.WriteAsync(new AcceptMessage(message, parts), CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _core.Balances.Refund(plan.Reservation);
            GatewayLog.AcceptFailed(_logger, e, account.Account.SystemId);
            _metrics.SubmitRefused(CommandStatus.SystemError);
            return (string.Empty, CommandStatus.SystemError);
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

        return (id.Value.ToString(CultureInfo.InvariantCulture), CommandStatus.Ok);
    }

    private ResponsePdu Refuse(SubmitSm pdu, SubmissionRefusal refusal)
    {
        _metrics.SubmitRefused(refusal.Status);
        return pdu.CreateResponse(refusal.Status);
    }
}
