using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;
using Pigeon.Smpp.Server;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>
/// A supplier SMSC on <see cref="SmppServer"/> over loopback whose answer to each submit_sm a test scripts: accept
/// with an id, throttle, refuse with a status, never answer, drop the link, or send the receipt before the response.
/// It records every submit and can send deliver_sm (receipts, MO) to a bound session.
/// </summary>
internal sealed class ScriptedSmsc : ISmppServerHandler, IAsyncDisposable
{
    private readonly SmppServer _server;
    private readonly ConcurrentDictionary<long, int> _unanswered = new();
    private long _ordinal;
    private long _nextMessageId;

    private ScriptedSmsc()
    {
        var options = new SmppServerOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            SystemId = "smsc",
            IncomingWindowSize = 256,
            ShutdownTimeout = TimeSpan.FromSeconds(2),
            UnbindTimeout = TimeSpan.FromSeconds(1),
        };
        _server = new SmppServer(options, this);
    }

    /// <summary>Decides each submit_sm; accepts everything by default.</summary>
    public Func<ReceivedSubmit, SmscReaction> Script { get; set; } = _ => SmscReaction.Accept;

    public ConcurrentQueue<ReceivedSubmit> Submits { get; } = new();

    /// <summary>Statuses of the deliver_sm_resp our gateway answered receipts sent with <see cref="SmscReaction.ReceiptFirst"/>.</summary>
    public ConcurrentQueue<CommandStatus> ReceiptResponses { get; } = new();

    public int Port => _server.LocalEndPoint.Port;

    public int BoundSessions => _server.BoundSessionCount;

    /// <summary>Submits of the session not yet answered (the one a script is deciding on included).</summary>
    public int UnansweredOn(long sessionId) => _unanswered.GetValueOrDefault(sessionId);

    public static async Task<ScriptedSmsc> StartAsync()
    {
        var smsc = new ScriptedSmsc();
        await smsc._server.StartAsync(TestContext.Current.CancellationToken);
        return smsc;
    }

    /// <summary>The part ids in the order their submits arrived.</summary>
    public long[] PartIdsInArrivalOrder() => [.. Submits.OrderBy(s => s.Ordinal).Select(s => s.PartId)];

    /// <summary>Sends a request (deliver_sm, data_sm) on a bound session and returns the gateway's response.</summary>
    public async Task<ResponsePdu> SendAsync(RequestPdu request)
    {
        var session = _server.Sessions.FirstOrDefault(s => s.BindMode is not null)
            ?? throw new InvalidOperationException("No session is bound.");
        return await session.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public ValueTask<CommandStatus> AuthenticateAsync(SmppServerSession session, BindRequest bind, CancellationToken cancellationToken) =>
        ValueTask.FromResult(bind.SystemId == "pigeon" && bind.Password == "secret" ? CommandStatus.Ok : CommandStatus.InvalidPassword);

    public async ValueTask<ResponsePdu?> HandleAsync(SmppServerSession session, RequestPdu request, CancellationToken cancellationToken)
    {
        if (request is not SubmitSm submit)
        {
            return request.CreateResponse(CommandStatus.InvalidCommandId);
        }

        _unanswered.AddOrUpdate(session.Id, 1, static (_, n) => n + 1);
        try
        {
            return await ReactAsync(session, submit, cancellationToken);
        }
        finally
        {
            _unanswered.AddOrUpdate(session.Id, 0, static (_, n) => n - 1);
        }
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async ValueTask<ResponsePdu?> ReactAsync(SmppServerSession session, SubmitSm submit, CancellationToken cancellationToken)
    {
        var received = new ReceivedSubmit(
            Interlocked.Increment(ref _ordinal), TestParts.IdOf(submit.Content.Span), session.Id, Stopwatch.GetTimestamp(), submit);
        Submits.Enqueue(received);
        var reaction = Script(received);
        switch (reaction.Kind)
        {
            case SmscReactionKind.Accept:
                return Accept(received);
            case SmscReactionKind.AcceptLater:
                await Task.Delay(reaction.Delay, cancellationToken);
                return Accept(received);
            case SmscReactionKind.ReceiptFirst:
                {
                    var id = NextMessageId();
                    var receipt = new DeliveryReceipt { MessageId = id, State = MessageState.Delivered }
                        .ToDeliverSm(submit.Destination, submit.Source);
                    var response = await session.SendAsync(receipt, cancellationToken);
                    ReceiptResponses.Enqueue(response.CommandStatus);
                    return Accept(received, id);
                }

            case SmscReactionKind.NoAnswer:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            case SmscReactionKind.DropLink:
                _ = session.CloseAsync().AsTask();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            default:
                return submit.CreateResponse(reaction.Status);
        }
    }

    private SubmitSmResp Accept(ReceivedSubmit received, string? id = null)
    {
        id ??= NextMessageId();
        received.MessageId = id;
        var response = (SubmitSmResp)received.Submit.CreateResponse();
        response.MessageId = id;
        return response;
    }

    private string NextMessageId() => "S" + Interlocked.Increment(ref _nextMessageId).ToString(CultureInfo.InvariantCulture);
}
