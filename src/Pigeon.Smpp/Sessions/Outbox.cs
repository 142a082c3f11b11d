using System.IO.Pipelines;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// The write side of a session. Any number of producers (callers sending requests, the read loop answering)
/// encode PDUs into one buffer under the session lock; a single writer loop swaps that buffer for an empty one
/// and hands the whole batch to the transport as one write and one flush. Every PDU encoded while a send is in
/// progress therefore goes out in the next send, which is what keeps the syscall count far below the PDU count
/// under load, while a lone PDU at window 1 is written at once (with TCP_NODELAY, no Nagle delay).
/// </summary>
internal sealed class Outbox : IDisposable
{
    /// <summary>Bytes waiting to be sent beyond which the read loop pauses until the writer catches up.</summary>
    internal const int HighWaterMark = 1024 * 1024;

    private readonly Lock _sync;
    private readonly PipeWriter _output;
    private readonly Action<Exception?> _onWriteFailed;
    private readonly AsyncAutoResetEvent _wake = new();
    private OutboxBuffer _filling = new();
    private OutboxBuffer _draining = new();
    private TaskCompletionSource? _drained;
    private bool _completed;
    private bool _aborted;
    private bool _finished;
    private long _sends;

    /// <param name="sync">The session lock; <see cref="TryEnqueue"/> is called with it held.</param>
    /// <param name="output">Where batches are written.</param>
    /// <param name="onWriteFailed">Called once if the transport fails or its reader goes away.</param>
    public Outbox(Lock sync, PipeWriter output, Action<Exception?> onWriteFailed)
    {
        _sync = sync;
        _output = output;
        _onWriteFailed = onWriteFailed;
    }

    /// <summary>Bytes encoded and not yet handed to the transport. Read with the session lock held.</summary>
    public int QueuedBytes => _filling.WrittenCount;

    /// <summary>How many batches were written: each is one write to the transport and one flush.</summary>
    public long Sends => Interlocked.Read(ref _sends);

    /// <summary>
    /// Encodes <paramref name="pdu"/> after everything queued before it. The caller holds the session lock and
    /// calls <see cref="Wake"/> after releasing it. False once the outbox is completed.
    /// </summary>
    public bool TryEnqueue(Pdu pdu)
    {
        if (_completed)
        {
            return false;
        }

        PduEncoder.Encode(pdu, _filling);
        return true;
    }

    /// <summary>Tells the writer loop there is something to send.</summary>
    public void Wake() => _wake.Set();

    /// <summary>Accepts nothing more; the writer sends what is queued, then completes the transport's writer.</summary>
    public void Complete()
    {
        lock (_sync)
        {
            _completed = true;
            ReleaseDrainWaiter();
        }

        _wake.Set();
    }

    /// <summary>Gives up on queued bytes and unblocks a flush the peer is not reading.</summary>
    public void Abort()
    {
        lock (_sync)
        {
            _completed = true;
            _aborted = true;
            ReleaseDrainWaiter();
            if (_finished)
            {
                return;
            }
        }

        try
        {
            _output.CancelPendingFlush();
        }
        catch (ObjectDisposedException)
        {
            // The writer completed in the meantime: there is no flush left to cancel.
        }

        _wake.Set();
    }

    /// <summary>Completes when fewer than <see cref="HighWaterMark"/> bytes wait, or the outbox is completed.</summary>
    public Task WaitForRoomAsync()
    {
        lock (_sync)
        {
            if (_completed || _filling.WrittenCount < HighWaterMark)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }

    /// <summary>The writer loop; ends when completed and drained, aborted, or when the transport fails.</summary>
    public async Task RunAsync()
    {
        Exception? failure = null;
        var peerGone = false;
        try
        {
            while (true)
            {
                OutboxBuffer? batch = null;
                bool completed;
                lock (_sync)
                {
                    completed = _completed;
                    if (!_aborted && _filling.WrittenCount > 0)
                    {
                        batch = _filling;
                        _filling = _draining;
                        _draining = batch;
                        ReleaseDrainWaiter();
                    }
                }

                if (batch is null)
                {
                    if (completed)
                    {
                        break;
                    }

                    await _wake.WaitAsync();
                    continue;
                }

                // One contiguous span per batch: a stream-backed writer turns it into a single write call.
                var bytes = batch.WrittenSpan;
                bytes.CopyTo(_output.GetSpan(bytes.Length));
                _output.Advance(bytes.Length);
                var result = await _output.FlushAsync();
                Interlocked.Increment(ref _sends);
                batch.Reset();
                if (result.IsCompleted)
                {
                    peerGone = true;
                    break;
                }

                if (result.IsCanceled)
                {
                    break;
                }
            }
        }
#pragma warning disable CA1031 // The writer loop is the top of its task: any transport failure ends only this session.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }
        finally
        {
            lock (_sync)
            {
                _completed = true;
                _finished = true;
                ReleaseDrainWaiter();
            }

            try
            {
                await _output.CompleteAsync(failure);
            }
#pragma warning disable CA1031 // Completing a broken transport may fail in transport-specific ways; the session ends regardless.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure ??= ex;
            }
        }

        if (failure is not null || peerGone)
        {
            _onWriteFailed(failure);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_sync)
        {
            _filling.Dispose();
            _draining.Dispose();
        }
    }

    private void ReleaseDrainWaiter()
    {
        var drained = _drained;
        _drained = null;
        drained?.TrySetResult();
    }
}
