using System.Threading.Channels;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Server;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Simulator;

/// <summary>
/// The deliver_sm traffic (receipts and MO) owed to one system_id. Like a real SMSC, the simulator stores what it
/// owes and delivers it over whichever receiver or transceiver sessions of that system_id are bound, each with its
/// own window, so a gateway that binds twice takes receipts twice as wide. A deliver_sm whose link goes down goes
/// back to be sent on another session or after the next bind, so a gateway that restarts still gets its receipts.
/// Each bound session has a fixed set of worker loops, as many as the window, which keeps that many deliver_sm
/// outstanding on it without a task per message.
/// </summary>
internal sealed class ReceiverPool : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private const int MaxErrorRetries = 5;

    private readonly Channel<DeliverSm> _queue = Channel.CreateUnbounded<DeliverSm>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly Lock _gate = new();
    private readonly Dictionary<SmppServerSession, (CancellationTokenSource Stop, Task Workers)> _receivers = [];
    private readonly int _window;
    private readonly SimulatorStatistics _statistics;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private int _receiverCount;
    private bool _disposed;

    public ReceiverPool(string systemId, int window, SimulatorStatistics statistics, TimeProvider timeProvider)
    {
        SystemId = systemId;
        _window = window;
        _statistics = statistics;
        _timeProvider = timeProvider;
    }

    public string SystemId { get; }

    public bool HasReceiver => Volatile.Read(ref _receiverCount) > 0;

    public void Enqueue(DeliverSm pdu) => _queue.Writer.TryWrite(pdu);

    /// <summary>Starts a window's worth of deliveries on a newly bound session.</summary>
    public void AddReceiver(SmppServerSession session)
    {
        lock (_gate)
        {
            if (_disposed || _receivers.ContainsKey(session))
            {
                return;
            }

            var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var workers = new Task[_window];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(() => RunWorkerAsync(session, stop.Token));
            }

            _receivers[session] = (stop, Task.WhenAll(workers));
            _receiverCount = _receivers.Count;
        }
    }

    /// <summary>Stops the session's deliveries; what it had outstanding goes back to the queue.</summary>
    public void RemoveReceiver(SmppServerSession session)
    {
        (CancellationTokenSource Stop, Task Workers) receiver;
        lock (_gate)
        {
            if (!_receivers.Remove(session, out receiver))
            {
                return;
            }

            _receiverCount = _receivers.Count;
        }

        receiver.Stop.Cancel();
        _ = receiver.Workers.ContinueWith(_ => receiver.Stop.Dispose(), TaskScheduler.Default);
    }

    private async Task RunWorkerAsync(SmppServerSession session, CancellationToken stop)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stop))
            {
                while (!stop.IsCancellationRequested && _queue.Reader.TryRead(out var pdu))
                {
                    if (!await DeliverAsync(session, pdu, stop))
                    {
                        // Not delivered here: another session, or the next bind, takes it.
                        _queue.Writer.TryWrite(pdu);
                        await Task.Delay(RetryDelay, _timeProvider, stop);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Sends one deliver_sm on the session: true once it is acknowledged, or refused more often than an SMSC
    /// retries; false when the link went down under it or the session is going away.
    /// </summary>
    private async Task<bool> DeliverAsync(SmppServerSession session, DeliverSm pdu, CancellationToken stop)
    {
        var errors = 0;
        while (true)
        {
            try
            {
                var response = await session.SendAsync(pdu, stop);
                if (response.CommandStatus == CommandStatus.Ok)
                {
                    _statistics.ReceiptAcked();
                    return true;
                }

                if (++errors > MaxErrorRetries)
                {
                    return true;
                }

                await Task.Delay(RetryDelay, _timeProvider, stop);
            }
            catch (SmppException)
            {
                return false;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        (CancellationTokenSource Stop, Task Workers)[] receivers;
        lock (_gate)
        {
            _disposed = true;
            _queue.Writer.TryComplete();
            receivers = [.. _receivers.Values];
            _receivers.Clear();
            _receiverCount = 0;
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(receivers.Select(r => r.Workers));
        foreach (var receiver in receivers)
        {
            receiver.Stop.Dispose();
        }

        _stopping.Dispose();
    }
}
