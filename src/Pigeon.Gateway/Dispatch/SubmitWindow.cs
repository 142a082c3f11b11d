namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// The submits a bind may have outstanding: up to the supplier's window, narrowed to one after a lost link and
/// widened by one per accepted answer (doubling per round trip) until it is whole again.
/// </summary>
/// <remarks>
/// A supplier that closes its session when more is in flight than it can take (a smaller window than configured, or
/// overload) loses every unanswered response with the link. Sending the whole window again at once on each new link
/// repeats the same overrun with the same parts, and nothing ever gets through; starting small lets each link carry
/// parts before it is overrun again. Permits are only ever moved, never lost: the semaphore's count, the submits
/// outstanding and the permits withheld always add up to the window. While the window is whole (the normal case) a
/// finished submit costs two volatile reads more than a bare semaphore; the lock is taken only while narrowed.
/// </remarks>
internal sealed class SubmitWindow : IDisposable
{
    private readonly int _size;
    private readonly SemaphoreSlim _permits;
    private readonly Lock _sync = new();

    // Permits kept back from the semaphore, and permits still to keep back as outstanding submits finish.
    private int _withheld;
    private int _toWithhold;

    public SubmitWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _size = size;
        _permits = new SemaphoreSlim(size, size);
    }

    /// <summary>Submits that may be outstanding at the moment, at most the whole window.</summary>
    public int Current
    {
        get
        {
            lock (_sync)
            {
                return _size - _withheld - _toWithhold;
            }
        }
    }

    /// <summary>Permits free to send a submit now.</summary>
    public int Available => _permits.CurrentCount;

    /// <summary>Waits for a permit to send one submit.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _permits.WaitAsync(cancellationToken);

    /// <summary>Gives back a permit that was not used for a submit.</summary>
    public void Release() => _permits.Release();

    /// <summary>A submit finished (answered or failed): its permit goes back unless the window is narrowing.</summary>
    public void Complete()
    {
        if (Volatile.Read(ref _toWithhold) == 0)
        {
            _permits.Release();
            return;
        }

        lock (_sync)
        {
            if (_toWithhold > 0)
            {
                _toWithhold--;
                _withheld++;
                return;
            }
        }

        _permits.Release();
    }

    /// <summary>The link was lost under a submit: start again from one outstanding submit.</summary>
    public void Narrow()
    {
        lock (_sync)
        {
            // Free permits are kept back at once; the rest as the submits outstanding finish.
            var toWithhold = _size - 1 - _withheld;
            while (toWithhold > 0 && _permits.Wait(0))
            {
                _withheld++;
                toWithhold--;
            }

            _toWithhold = toWithhold;
        }
    }

    /// <summary>A submit was accepted: one more may be outstanding, until the window is whole.</summary>
    public void Widen()
    {
        if (Volatile.Read(ref _toWithhold) == 0 && Volatile.Read(ref _withheld) == 0)
        {
            return;
        }

        lock (_sync)
        {
            if (_toWithhold > 0)
            {
                _toWithhold--;
                return;
            }

            if (_withheld == 0)
            {
                return;
            }

            _withheld--;
        }

        _permits.Release();
    }

    public void Dispose() => _permits.Dispose();
}
