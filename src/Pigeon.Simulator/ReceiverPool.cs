using System.Threading.Channels;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Server;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Simulator;

/// <summary>
/// The deliver_sm traffic (receipts and MO) owed to one system_id. Like a real SMSC, the simulator stores what it
/// owes and delivers it to whichever receiver or transceiver session of that system_id is bound, retrying on
/// another session or after the next bind when a link drops, so a gateway that restarts still gets its receipts.
/// A fixed set of worker loops, as many as the window, keeps that many deliver_sm outstanding without a task per
/// message.
/// </summary>
internal sealed class ReceiverPool : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private const int MaxErrorRetries = 5;

    private readonly Channel<DeliverSm> _queue = Channel.CreateUnbounded<DeliverSm>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly Lock _gate = new();
    private readonly SimulatorStatistics _statistics;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;
    private SmppServerSession[] _receivers = [];
    private TaskCompletionSource _receiverBound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next;

    public ReceiverPool(string systemId, int window, SimulatorStatistics statistics, TimeProvider timeProvider)
    {
        SystemId = systemId;
        _statistics = statistics;
        _timeProvider = timeProvider;
        _workers = new Task[window];
        for (var i = 0; i < window; i++)
        {
            _workers[i] = Task.Run(() => RunWorkerAsync(_stopping.Token));
        }
    }

    public string SystemId { get; }

    public bool HasReceiver => Volatile.Read(ref _receivers).Length > 0;

    public void Enqueue(DeliverSm pdu) => _queue.Writer.TryWrite(pdu);

    public void AddReceiver(SmppServerSession session)
    {
        lock (_gate)
        {
            _receivers = [.. _receivers, session];
            _receiverBound.TrySetResult();
        }
    }

    public void RemoveReceiver(SmppServerSession session)
    {
        lock (_gate)
        {
            _receivers = [.. _receivers.Where(s => s != session)];
            if (_receivers.Length == 0 && _receiverBound.Task.IsCompleted)
            {
                _receiverBound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private SmppServerSession? PickReceiver()
    {
        var receivers = Volatile.Read(ref _receivers);
        if (receivers.Length == 0)
        {
            return null;
        }

        var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)receivers.Length);
        return receivers[index];
    }

    private async Task RunWorkerAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                while (_queue.Reader.TryRead(out var pdu))
                {
                    await DeliverAsync(pdu, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(DeliverSm pdu, CancellationToken cancellationToken)
    {
        var errors = 0;
        while (true)
        {
            var session = PickReceiver();
            if (session is null)
            {
                Task bound;
                lock (_gate)
                {
                    bound = _receiverBound.Task;
                }

                await bound.WaitAsync(cancellationToken);
                continue;
            }

            try
            {
                var response = await session.SendAsync(pdu, cancellationToken);
                if (response.CommandStatus == CommandStatus.Ok)
                {
                    _statistics.ReceiptAcked();
                    return;
                }

                if (++errors > MaxErrorRetries)
                {
                    return;
                }
            }
            catch (SmppException)
            {
                // The link went down under this deliver_sm: try again on whichever session is bound next.
            }

            await Task.Delay(RetryDelay, _timeProvider, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers);
        _stopping.Dispose();
    }
}
