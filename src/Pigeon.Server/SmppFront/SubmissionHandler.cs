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
/// submit_sm, data_sm and submit_multi from a bound customer, translated into submissions for
/// <see cref="MessageAcceptance"/>: a refusal answers its command_status with nothing stored or charged; an accepted
/// message is acknowledged with our message id, which happens only after its commit; a failed commit answers
/// ESME_RSYSERR.
/// </summary>
internal sealed class SubmissionHandler
{
    private readonly MessageAcceptance _acceptance;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;

    public SubmissionHandler(MessageAcceptance acceptance, GatewayMetrics metrics, TimeProvider timeProvider)
    {
        _acceptance = acceptance;
        _metrics = metrics;
        _time = timeProvider;
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
        var outcome = await _acceptance.AcceptAsync(account.Submitting, request, cancellationToken);
        return outcome switch
        {
            { IsAccepted: true } => (outcome.IdText, CommandStatus.Ok),
            { Refusal: { } refusal } => (string.Empty, refusal.Status),
            _ => (string.Empty, CommandStatus.SystemError),
        };
    }

    private ResponsePdu Refuse(SubmitSm pdu, SubmissionRefusal refusal)
    {
        _metrics.SubmitRefused(refusal.Status);
        return pdu.CreateResponse(refusal.Status);
    }
}
