using Microsoft.Extensions.Logging;
using Pigeon.Gateway.Routing;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// One transceiver bind of a supplier: an <see cref="SmppClient"/> (which keeps the link alive and reconnects) and
/// a send loop that takes parts from the supplier's queue and keeps up to <see cref="Supplier.Window"/> submits
/// outstanding. Parts answered with throttling or a temporary failure are held by the bind and sent again first,
/// in the order the bind took them, once its pause is over; parts behind them wait.
/// </summary>
internal sealed partial class SupplierBind : IAsyncDisposable
{
    private readonly SupplierConnector _connector;
    private readonly DispatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SmppClient _client;
    private readonly SubmitWindow _window;
    private readonly BindPause _pause;
    private readonly Lock _sync = new();
    private readonly SortedList<long, SubmitAttempt> _held = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextSequence;
    private Task<DispatchItem>? _nextFromQueue;
    private TaskCompletionSource? _heldArrived;
    private int _outstanding;
    private bool _stopped;
    private Task _run = Task.CompletedTask;

    public SupplierBind(SupplierConnector connector, Supplier supplier, int index, DispatchOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _connector = connector;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        Index = index;
        Supplier = supplier;
        _window = new SubmitWindow(supplier.Window);
        _pause = new BindPause(timeProvider);
        var clientOptions = new SmppClientOptions
        {
            Host = supplier.Host,
            Port = supplier.Port,
            SystemId = supplier.SystemId,
            Password = supplier.Password,
            SystemType = supplier.SystemType,
            BindMode = BindMode.Transceiver,
            UseTls = supplier.UseTls,
            RemoteCertificateValidation = options.RemoteCertificateValidation,
            WindowSize = supplier.Window,
            ResponseTimeout = options.ResponseTimeout,
            EnquireLinkInterval = options.EnquireLinkInterval,
            EnquireLinkTimeout = options.EnquireLinkTimeout,
            ConnectTimeout = options.ConnectTimeout,
            AutoReconnect = true,
            ReconnectDelayMin = options.ReconnectDelayMin,
            ReconnectDelayMax = options.ReconnectDelayMax,

            // Throttling is handled here, per bind and in order, not by the client's shared retry.
            MaxThrottleRetries = 0,
        };
        _client = new SmppClient(clientOptions, connector.Inbound.HandleAsync, logger, timeProvider);
    }

    /// <summary>0-based number of the bind within its supplier.</summary>
    public int Index { get; }

    /// <summary>The settings the bind was opened with.</summary>
    public Supplier Supplier { get; }

    /// <summary>True while the link is bound.</summary>
    public bool IsBound => _client.IsBound;

    /// <summary>Starts connecting and, once bound, sending.</summary>
    public void Start() => _run = RunAsync(_stopping.Token);

    /// <summary>Takes the parts the bind holds for sending again (while the supplier is unavailable).</summary>
    public IReadOnlyList<SubmitAttempt> TakeHeld()
    {
        lock (_sync)
        {
            var held = _held.Values.ToArray();
            _held.Clear();
            return held;
        }
    }

    /// <summary>
    /// Stops sending, unbinds (submits outstanding get the unbind time-out to be answered), waits for every submit to
    /// settle and gives the parts it still holds back to the queue.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _run;
        if (_nextFromQueue is not null)
        {
            // Taken from the queue just as the bind stopped: it goes back.
            try
            {
                _connector.Queue.Return(await _nextFromQueue);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
            }
        }

        await _client.DisposeAsync();
        if (Interlocked.CompareExchange(ref _outstanding, 0, 0) == 0)
        {
            _drained.TrySetResult();
        }

        await _drained.Task;
        SubmitAttempt[] held;
        lock (_sync)
        {
            _stopped = true;
            held = [.. _held.Values];
            _held.Clear();
        }

        foreach (var attempt in held)
        {
            _connector.Queue.Return(attempt.Item);
        }

        _stopping.Dispose();
        _window.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await ConnectAsync(stopping);
            await SendLoopAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A fault here is a bug; it must be seen in the log, not lost in an unobserved task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DispatchLog.BindFailed(_logger, ex, Supplier.Id, Index);
        }
    }

    private async Task ConnectAsync(CancellationToken stopping)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _client.ConnectAsync(stopping);
                DispatchLog.BindConnected(_logger, Supplier.Id, Supplier.Name, Index, Supplier.Host, Supplier.Port);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Refused binds and unreachable hosts are retried with back-off for as long as the bind is wanted.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var delay = BackoffDelay.Of(attempt, _options.ReconnectDelayMin, _options.ReconnectDelayMax, jitter: true);
                DispatchLog.BindConnectFailed(_logger, ex, Supplier.Id, Index, attempt + 1, delay);
                await Task.Delay(delay, _time, stopping);
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken stopping)
    {
        while (true)
        {
            await _connector.Gate.WaitAsync(stopping);
            await _pause.WaitAsync(stopping);
            if (!_client.IsBound)
            {
                // The client is reconnecting on its own; parts stay in the queue for other binds meanwhile, and a
                // part already taken is held where the availability watch can find it.
                HoldTakenPart();
                await Task.Delay(_options.LinkPollInterval, _time, stopping);
                continue;
            }

            await _window.WaitAsync(stopping);
            var attempt = TakeFirstHeld() ?? await NextFromQueueAsync(stopping);
            if (attempt is null)
            {
                // A part came back to be sent again while we waited for the queue: it goes first.
                _window.Release();
                continue;
            }

            try
            {
                await _connector.Limiter.AcquireAsync(stopping);
            }
            catch
            {
                Hold(attempt);
                _window.Release();
                throw;
            }

            if (!_connector.Gate.IsOpen || _pause.IsPaused || !_client.IsBound)
            {
                // Suspended, throttled or unbound while this part waited for its turn: it keeps its place.
                Hold(attempt);
                _window.Release();
                continue;
            }

            Interlocked.Increment(ref _outstanding);
            _ = SubmitAsync(attempt);
        }
    }

    /// <summary>
    /// The next part from the queue, or null when a part to send again arrived first. A wait for the queue that a
    /// held part interrupts stays pending and is used on a later turn, so no part the queue hands out is dropped.
    /// </summary>
    private async ValueTask<SubmitAttempt?> NextFromQueueAsync(CancellationToken stopping)
    {
        if (_nextFromQueue is null)
        {
            if (_connector.Queue.TryDequeue(out var ready))
            {
                return new SubmitAttempt(ready, Interlocked.Increment(ref _nextSequence));
            }

            _nextFromQueue = _connector.Queue.DequeueAsync(stopping).AsTask();
        }

        if (!_nextFromQueue.IsCompleted)
        {
            Task heldArrived;
            lock (_sync)
            {
                if (_held.Count > 0)
                {
                    return null;
                }

                _heldArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                heldArrived = _heldArrived.Task;
            }

            await Task.WhenAny(_nextFromQueue, heldArrived);
            if (!_nextFromQueue.IsCompleted)
            {
                return null;
            }
        }

        var next = _nextFromQueue;
        _nextFromQueue = null;
        return new SubmitAttempt(await next, Interlocked.Increment(ref _nextSequence));
    }

    /// <summary>Moves a part the queue already handed to this bind among the held ones.</summary>
    private void HoldTakenPart()
    {
        if (_nextFromQueue is { IsCompletedSuccessfully: true } taken)
        {
            _nextFromQueue = null;
            Hold(new SubmitAttempt(taken.Result, Interlocked.Increment(ref _nextSequence)));
        }
    }

    private SubmitAttempt? TakeFirstHeld()
    {
        lock (_sync)
        {
            if (_held.Count == 0)
            {
                return null;
            }

            var first = _held.GetValueAtIndex(0);
            _held.RemoveAt(0);
            return first;
        }
    }

    private void Hold(SubmitAttempt attempt)
    {
        TaskCompletionSource? heldArrived = null;
        bool stopped;
        lock (_sync)
        {
            stopped = _stopped;
            if (!stopped)
            {
                _held[attempt.Sequence] = attempt;
                heldArrived = _heldArrived;
                _heldArrived = null;
            }
        }

        if (stopped)
        {
            _connector.Queue.Return(attempt.Item);
            return;
        }

        heldArrived?.TrySetResult();
    }
}
