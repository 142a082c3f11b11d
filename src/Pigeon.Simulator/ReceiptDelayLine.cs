using System.Threading.Channels;
using Pigeon.Smpp.Pdus;

namespace Pigeon.Simulator;

/// <summary>
/// Holds receipts until their delay has passed, then hands them on. The delay is the same for every receipt of a
/// run, so due times arrive in order and a FIFO queue with one timer loop is enough: no timer per message.
/// </summary>
internal sealed class ReceiptDelayLine : IAsyncDisposable
{
    private readonly Channel<(long Due, string SystemId, DeliverSm Pdu)> _queue =
        Channel.CreateUnbounded<(long, string, DeliverSm)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider _timeProvider;
    private readonly Action<string, DeliverSm> _dispatch;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public ReceiptDelayLine(TimeProvider timeProvider, Action<string, DeliverSm> dispatch)
    {
        _timeProvider = timeProvider;
        _dispatch = dispatch;
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    public void Add(string systemId, DeliverSm pdu, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            _dispatch(systemId, pdu);
            return;
        }

        var due = _timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * _timeProvider.TimestampFrequency);
        _queue.Writer.TryWrite((due, systemId, pdu));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                while (_queue.Reader.TryPeek(out var item))
                {
                    var wait = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), item.Due);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _timeProvider, cancellationToken);
                    }

                    _queue.Reader.TryRead(out _);
                    _dispatch(item.SystemId, item.Pdu);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }
}
