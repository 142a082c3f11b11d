using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;
using Pigeon.Smpp.Server;
using Pigeon.Smpp.Text;

namespace Pigeon.Simulator;

/// <summary>
/// A supplier SMSC to test against: accepts binds, answers submit_sm, data_sm, submit_multi, query_sm, cancel_sm
/// and replace_sm, and sends delivery receipts and MO messages, with configurable faults (rejections, throttling,
/// silence, dropped links). Built on <see cref="SmppServer"/> like any application of the library.
/// </summary>
public sealed class SmscSimulator : ISmppServerHandler, IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SmppServer _server;
    private readonly MessageIdSource _ids;
    private readonly RateLimiter? _tpsLimiter;
    private readonly ReceiptDelayLine _delayLine;
    private readonly ConcurrentDictionary<string, ReceiverPool> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> _submitsPerSession = new();
    private readonly ConcurrentDictionary<string, byte> _cancelled = new(StringComparer.Ordinal);
    private int _moReference;

    public SmscSimulator(SimulatorOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        _ids = new MessageIdSource(timeProvider, options.DecimalIds);
        _delayLine = new ReceiptDelayLine(timeProvider, Dispatch);
        if (options.Tps > 0)
        {
            _tpsLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Tps,
                TokensPerPeriod = Math.Max(1, options.Tps / 10),
                ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                AutoReplenishment = true,
                QueueLimit = 0,
            });
        }

        var serverOptions = new SmppServerOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Parse(options.Host), options.Port),
            SystemId = "pigeon-sim",
            MaxSessions = options.MaxSessions,
            WindowSize = options.Window,
            IncomingWindowSize = Math.Max(options.Window, 64),
        };
        _server = new SmppServer(serverOptions, this, loggerFactory.CreateLogger<SmppServer>(), timeProvider);
    }

    public SimulatorStatistics Statistics { get; } = new();

    public IPEndPoint LocalEndPoint => _server.LocalEndPoint;

    public int SessionCount => _server.SessionCount;

    public Task StartAsync(CancellationToken cancellationToken) => _server.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await _server.StopAsync(cancellationToken);

    public ValueTask<CommandStatus> AuthenticateAsync(SmppServerSession session, BindRequest bind, CancellationToken cancellationToken)
    {
        if (_options.SystemId is { } systemId && !string.Equals(systemId, bind.SystemId, StringComparison.Ordinal))
        {
            Statistics.BindRefused();
            return ValueTask.FromResult(CommandStatus.InvalidSystemId);
        }

        if (_options.Password is { } password && !string.Equals(password, bind.Password, StringComparison.Ordinal))
        {
            Statistics.BindRefused();
            return ValueTask.FromResult(CommandStatus.InvalidPassword);
        }

        Statistics.Bind();
        return ValueTask.FromResult(CommandStatus.Ok);
    }

    public void OnSessionBound(SmppServerSession session)
    {
        if (session.BindMode is BindMode.Receiver or BindMode.Transceiver)
        {
            PoolFor(session.SystemId).AddReceiver(session);
        }
    }

    public void OnSessionClosed(SmppServerSession session)
    {
        _submitsPerSession.TryRemove(session.Id, out _);
        if (_pools.TryGetValue(session.SystemId, out var pool))
        {
            pool.RemoveReceiver(session);
        }
    }

    public ValueTask<ResponsePdu?> HandleAsync(SmppServerSession session, RequestPdu request, CancellationToken cancellationToken) =>
        request switch
        {
            SubmitSm submit => HandleSubmit(session, submit, submit.Destination, cancellationToken),
            DataSm data => HandleSubmit(session, data, data.Destination, cancellationToken),
            SubmitMulti multi => HandleSubmit(session, multi, multi.Destinations.Count > 0 ? multi.Destinations[0].Address : SmppAddress.Empty, cancellationToken),
            QuerySm query => ValueTask.FromResult<ResponsePdu?>(Query(query)),
            CancelSm cancel => ValueTask.FromResult<ResponsePdu?>(cancel.CreateResponse(TryCancel(cancel.MessageId) ? CommandStatus.Ok : CommandStatus.CancelFailed)),
            ReplaceSm replace => ValueTask.FromResult<ResponsePdu?>(replace.CreateResponse(IsKnownAndNotCancelled(replace.MessageId) ? CommandStatus.Ok : CommandStatus.ReplaceFailed)),
            _ => ValueTask.FromResult<ResponsePdu?>(request.CreateResponse(CommandStatus.InvalidCommandId)),
        };

    private async ValueTask<ResponsePdu?> HandleSubmit(SmppServerSession session, MessageRequest request, SmppAddress destination, CancellationToken cancellationToken)
    {
        Statistics.Submit();
        if (_options.DropAfter > 0 && _submitsPerSession.AddOrUpdate(session.Id, 1, static (_, n) => n + 1) > _options.DropAfter)
        {
            await session.CloseAsync();
            return null;
        }

        if (_tpsLimiter is not null)
        {
            using var lease = _tpsLimiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                Statistics.Throttle();
                return request.CreateResponse(CommandStatus.Throttled);
            }
        }

        if (Roll(_options.NoAnswerRate))
        {
            Statistics.Unanswered();
            await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, cancellationToken);
        }

        if (Roll(_options.RejectRate))
        {
            Statistics.Reject();
            return request.CreateResponse(_options.RejectStatus);
        }

        var messageId = _ids.Next(out var sequence);
        var response = request.CreateResponse();
        switch (response)
        {
            case MessageIdResponse withId:
                withId.MessageId = messageId;
                break;
            case SubmitMultiResp multi:
                multi.MessageId = messageId;
                break;
        }

        Statistics.Accept();
        var outcome = _options.Outcomes.PickFor(sequence);
        if (WantsReceipt(request.RegisteredDelivery, outcome))
        {
            var receipt = BuildReceipt(messageId, request, destination, outcome);
            Statistics.ReceiptQueued();
            _delayLine.Add(session.SystemId, receipt, _options.ReceiptDelay);
        }

        return response;
    }

    private static bool WantsReceipt(RegisteredDelivery registered, ReceiptOutcome outcome) =>
        ((byte)registered & 0x03) switch
        {
            0x01 => true,
            0x02 => outcome.State != MessageState.Delivered,
            _ => false,
        };

    private DeliverSm BuildReceipt(string messageId, MessageRequest request, SmppAddress destination, ReceiptOutcome outcome)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var receipt = new DeliveryReceipt
        {
            MessageId = messageId,
            Submitted = 1,
            Delivered = outcome.State == MessageState.Delivered ? 1 : 0,
            SubmitDate = now,
            DoneDate = now,
            State = outcome.State,
            Error = outcome.ErrorCode.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            Text = QuoteText(request),
        };
        return receipt.ToDeliverSm(destination, request.Source);
    }

    private static string QuoteText(MessageRequest request)
    {
        var content = request.Content.Span;
        if (content.IsEmpty || ((byte)request.EsmClass & (byte)EsmClass.UdhIndicator) != 0)
        {
            return string.Empty;
        }

        var text = SmsText.Decode(new DataCoding(request.DataCoding), content);
        return text.Length <= DeliveryReceipt.MaxTextLength ? text : text[..DeliveryReceipt.MaxTextLength];
    }

    private QuerySmResp Query(QuerySm query)
    {
        Statistics.Query();
        var response = (QuerySmResp)query.CreateResponse();
        if (!_ids.TryGetSequence(query.MessageId, out var sequence))
        {
            response.CommandStatus = CommandStatus.QueryFailed;
            return response;
        }

        response.MessageId = query.MessageId;
        response.MessageState = _cancelled.ContainsKey(query.MessageId) ? MessageState.Deleted : _options.Outcomes.PickFor(sequence).State;
        return response;
    }

    private bool IsKnownAndNotCancelled(string messageId) =>
        _ids.TryGetSequence(messageId, out _) && !_cancelled.ContainsKey(messageId);

    private bool TryCancel(string messageId) => IsKnownAndNotCancelled(messageId) && _cancelled.TryAdd(messageId, 0);

    private void Dispatch(string systemId, DeliverSm pdu)
    {
        Statistics.ReceiptSent();
        PoolFor(systemId).Enqueue(pdu);
    }

    /// <summary>
    /// Sends a mobile-originated message to a bound receiver of <paramref name="systemId"/> (or of the only or first
    /// system_id with one). Long text goes as UDH-concatenated parts with <paramref name="reference"/> (the next one
    /// when null); <paramref name="parts"/> sends only those part numbers, in that order (all, in order, when null).
    /// False when nobody could receive it.
    /// </summary>
    public bool SendMo(string? systemId, string from, string to, string text, ushort? reference = null, IReadOnlyList<int>? parts = null)
    {
        var pool = systemId is not null
            ? PoolFor(systemId)
            : _pools.Values.FirstOrDefault(p => p.HasReceiver);
        if (pool is null)
        {
            return false;
        }

        var split = MessageSplitter.Split(text, ConcatenationMode.UdhReference8, reference ?? (byte)Interlocked.Increment(ref _moReference));
        foreach (var i in parts?.Select(p => p - 1).Where(i => i < split.Parts.Count) ?? Enumerable.Range(0, split.Parts.Count))
        {
            var deliver = new DeliverSm
            {
                Source = from.All(char.IsAsciiDigit) ? SmppAddress.International(from) : SmppAddress.Alphanumeric(from),
                Destination = SmppAddress.International(to),
            };
            split.ApplyTo(deliver, i);
            pool.Enqueue(deliver);
        }

        Statistics.Mo();
        return true;
    }

    private ReceiverPool PoolFor(string systemId) =>
        _pools.GetOrAdd(systemId, id => new ReceiverPool(id, _options.Window, Statistics, _timeProvider));

    private static bool Roll(double rate) =>
#pragma warning disable CA5394 // Fault injection needs speed, not cryptographic randomness.
        rate > 0 && (rate >= 1 || Random.Shared.NextDouble() < rate);
#pragma warning restore CA5394

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _delayLine.DisposeAsync();
        foreach (var pool in _pools.Values)
        {
            await pool.DisposeAsync();
        }

        _tpsLimiter?.Dispose();
    }
}
