using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;
using Pigeon.Smpp.Sessions;
using Pigeon.Smpp.Text;

namespace Pigeon.Bench;

/// <summary>
/// An ESME load generator: B transceiver binds, each kept W submits deep by W worker loops that reuse one
/// submit_sm apiece, so the tool measures the peer rather than its own garbage. Every submit_sm_resp latency is
/// recorded; receipts are matched to the returned ids.
/// </summary>
internal sealed class SmppLoadGenerator : IAsyncDisposable
{
    private readonly LoadOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly List<SmppClient> _clients = [];
    private readonly LatencyRecorder _latency = new();
    private readonly ReceiptMatcher _receipts = new();
    private readonly ConcurrentDictionary<CommandStatus, long> _errors = new();
    private readonly byte[] _content;
    private readonly byte _dataCoding;
    private long _next;
    private long _submitted;
    private long _ok;
    private long _lastReceiptTimestamp;

    public SmppLoadGenerator(LoadOptions options, ILoggerFactory loggerFactory)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        var encoding = options.Unicode ? SmsEncoding.Ucs2 : SmsText.ChooseEncoding(options.Text);
        _content = SmsText.GetBytes(options.Text, encoding);
        _dataCoding = DataCoding.For(encoding).Value;
        if (_content.Length > ShortMessageRequest.MaxShortMessageLength)
        {
            throw new ArgumentException("The text does not fit one short_message.", nameof(options));
        }
    }

    public long Submitted => Volatile.Read(ref _submitted);

    public long Answered => Volatile.Read(ref _ok) + _errors.Values.Sum();

    public long ReceiptsMatched => _receipts.Matched;

    /// <summary>Connects and binds every client; throws <see cref="SmppBindException"/> when the peer refuses.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _options.Binds; i++)
        {
            var client = new SmppClient(
                new SmppClientOptions
                {
                    Host = _options.Host,
                    Port = _options.Port,
                    SystemId = _options.SystemId,
                    Password = _options.Password,
                    BindMode = BindMode.Transceiver,
                    WindowSize = _options.Window,
                    AutoReconnect = true,

                    // A load tool keeps going through throttling: it backs off (client-wide) and retries, so the
                    // run measures what the peer sustains instead of counting refusals.
                    MaxThrottleRetries = 1000,
                },
                OnRequestAsync,
                _loggerFactory.CreateLogger<SmppClient>());
            _clients.Add(client);
            await client.ConnectAsync(cancellationToken);
        }
    }

    /// <summary>Submits every message, then waits for receipts; returns the report.</summary>
    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastReceiptTimestamp, started);
        var pacer = _options.Rate > 0 ? new SubmitPacer(_options.Rate) : null;
        var workers = new List<Task>();
        foreach (var client in _clients)
        {
            for (var w = 0; w < _options.Window; w++)
            {
                workers.Add(Task.Run(() => SubmitLoopAsync(client, pacer, cancellationToken), cancellationToken));
            }
        }

        await Task.WhenAll(workers);
        var submitDone = Stopwatch.GetTimestamp();
        if (_options.Receipts)
        {
            await WaitForReceiptsAsync(cancellationToken);
        }

        var ended = Stopwatch.GetTimestamp();
        var submitSeconds = Stopwatch.GetElapsedTime(started, submitDone).TotalSeconds;
        var totalSeconds = Stopwatch.GetElapsedTime(started, ended).TotalSeconds;
        return new BenchReport
        {
            Submitted = Submitted,
            Ok = Volatile.Read(ref _ok),
            Failed = _errors.Values.Sum(),
            ErrorsByStatus = _errors.ToDictionary(e => FormatStatus(e.Key), e => e.Value),
            ElapsedSeconds = Math.Round(totalSeconds, 3),
            SubmitRatePerSecond = Math.Round(Submitted / Math.Max(submitSeconds, 1e-9), 1),
            P50Ms = Math.Round(_latency.PercentileMs(50), 3),
            P99Ms = Math.Round(_latency.PercentileMs(99), 3),
            MaxMs = Math.Round(_latency.MaxMs, 3),
            ReceiptsExpected = _options.Receipts ? Volatile.Read(ref _ok) : 0,
            ReceiptsReceived = _receipts.Received,
            ReceiptsMatched = _receipts.Matched,
            ReceiptsUnmatched = _receipts.Unmatched,
            EndToEndRatePerSecond = Math.Round((_options.Receipts ? _receipts.Matched : Volatile.Read(ref _ok)) / Math.Max(totalSeconds, 1e-9), 1),
            Binds = _options.Binds,
            Window = _options.Window,
        };
    }

    private async Task SubmitLoopAsync(SmppClient client, SubmitPacer? pacer, CancellationToken cancellationToken)
    {
        var submit = new SubmitSm
        {
            Source = _options.Source.All(char.IsAsciiDigit) ? SmppAddress.International(_options.Source) : SmppAddress.Alphanumeric(_options.Source),
            RegisteredDelivery = _options.Receipts ? RegisteredDelivery.SmscReceiptOnSuccessOrFailure : RegisteredDelivery.None,
            DataCoding = _dataCoding,
            ShortMessage = _content,
        };
        while (!cancellationToken.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _next);
            if (n > _options.Count)
            {
                return;
            }

            if (pacer is not null)
            {
                await pacer.WaitAsync(n, cancellationToken);
            }

            submit.Destination = SmppAddress.International(_options.DestinationPrefix + n.ToString("D8", CultureInfo.InvariantCulture));
            var start = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _submitted);
            try
            {
                var response = await client.SubmitAsync(submit, cancellationToken);
                _latency.Record(Stopwatch.GetElapsedTime(start));
                if (response.CommandStatus == CommandStatus.Ok)
                {
                    Interlocked.Increment(ref _ok);
                    if (_options.Receipts)
                    {
                        _receipts.OnSubmitted(response.MessageId);
                    }
                }
                else
                {
                    _errors.AddOrUpdate(response.CommandStatus, 1, static (_, c) => c + 1);
                }
            }
            catch (SmppException)
            {
                _errors.AddOrUpdate(CommandStatus.SystemError, 1, static (_, c) => c + 1);
            }
        }
    }

    private ValueTask<ResponsePdu?> OnRequestAsync(RequestPdu request, CancellationToken cancellationToken)
    {
        if (request is DeliverSm deliver && deliver.IsDeliveryReceipt)
        {
            var id = deliver.ReceiptedMessageId;
            if (id is null && DeliveryReceipt.TryParse(deliver, out var receipt))
            {
                id = receipt.MessageId;
            }

            if (id is not null)
            {
                _receipts.OnReceipt(id);
                Volatile.Write(ref _lastReceiptTimestamp, Stopwatch.GetTimestamp());
            }
        }

        return ValueTask.FromResult<ResponsePdu?>(null);
    }

    private async Task WaitForReceiptsAsync(CancellationToken cancellationToken)
    {
        while (_receipts.Matched < Volatile.Read(ref _ok) && !cancellationToken.IsCancellationRequested)
        {
            if (Stopwatch.GetElapsedTime(Volatile.Read(ref _lastReceiptTimestamp)) > _options.ReceiptIdleTimeout)
            {
                return;
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static string FormatStatus(CommandStatus status) =>
        string.Create(CultureInfo.InvariantCulture, $"0x{(uint)status:X8} {status}");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
