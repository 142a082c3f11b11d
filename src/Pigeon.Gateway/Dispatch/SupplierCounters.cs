namespace Pigeon.Gateway.Dispatch;

/// <summary>A supplier's dispatch counters, lock-free; "today" follows the <see cref="TimeProvider"/>'s local date.</summary>
internal sealed class SupplierCounters(TimeProvider timeProvider)
{
    private readonly Lock _dayChange = new();
    private long _submits;
    private long _accepted;
    private long _acceptedToday;
    private int _today = int.MinValue;
    private long _rejected;
    private long _failedOver;
    private long _throttled;
    private long _temporaryFailures;
    private long _receipts;
    private long _mobileOriginated;
    private long _unreadableReceipts;
    private long _inboundStoreFailures;

    public long Submits => Interlocked.Read(ref _submits);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long AcceptedToday => Volatile.Read(ref _today) == Today() ? Interlocked.Read(ref _acceptedToday) : 0;

    public long Rejected => Interlocked.Read(ref _rejected);

    public long FailedOver => Interlocked.Read(ref _failedOver);

    public long Throttled => Interlocked.Read(ref _throttled);

    public long TemporaryFailures => Interlocked.Read(ref _temporaryFailures);

    public long Receipts => Interlocked.Read(ref _receipts);

    public long MobileOriginatedMessages => Interlocked.Read(ref _mobileOriginated);

    public long UnreadableReceipts => Interlocked.Read(ref _unreadableReceipts);

    public long InboundStoreFailures => Interlocked.Read(ref _inboundStoreFailures);

    public void Submit() => Interlocked.Increment(ref _submits);

    public void Accept()
    {
        Interlocked.Increment(ref _accepted);
        var today = Today();
        if (Volatile.Read(ref _today) != today)
        {
            lock (_dayChange)
            {
                if (_today != today)
                {
                    Interlocked.Exchange(ref _acceptedToday, 0);
                    Volatile.Write(ref _today, today);
                }
            }
        }

        Interlocked.Increment(ref _acceptedToday);
    }

    public void Reject() => Interlocked.Increment(ref _rejected);

    public void FailOver() => Interlocked.Increment(ref _failedOver);

    public void Throttle() => Interlocked.Increment(ref _throttled);

    public void TemporaryFailure() => Interlocked.Increment(ref _temporaryFailures);

    public void Receipt() => Interlocked.Increment(ref _receipts);

    public void MobileOriginated() => Interlocked.Increment(ref _mobileOriginated);

    public void UnreadableReceipt() => Interlocked.Increment(ref _unreadableReceipts);

    public void InboundStoreFailure() => Interlocked.Increment(ref _inboundStoreFailures);

    private int Today() => DateOnly.FromDateTime(timeProvider.GetLocalNow().DateTime).DayNumber;
}
