using System.Globalization;

namespace Pigeon.Simulator;

/// <summary>Counters of one simulator run, updated without locks from every session.</summary>
public sealed class SimulatorStatistics
{
    private long _binds;
    private long _bindsRefused;
    private long _submits;
    private long _accepted;
    private long _rejected;
    private long _throttled;
    private long _unanswered;
    private long _receiptsQueued;
    private long _receiptsSent;
    private long _receiptsAcked;
    private long _moSent;
    private long _queries;

    public long Binds => Volatile.Read(ref _binds);

    public long Submits => Volatile.Read(ref _submits);

    public long Accepted => Volatile.Read(ref _accepted);

    public long ReceiptsSent => Volatile.Read(ref _receiptsSent);

    public long ReceiptsAcked => Volatile.Read(ref _receiptsAcked);

    public long MoSent => Volatile.Read(ref _moSent);

    public void Bind() => Interlocked.Increment(ref _binds);

    public void BindRefused() => Interlocked.Increment(ref _bindsRefused);

    public void Submit() => Interlocked.Increment(ref _submits);

    public void Accept() => Interlocked.Increment(ref _accepted);

    public void Reject() => Interlocked.Increment(ref _rejected);

    public void Throttle() => Interlocked.Increment(ref _throttled);

    public void Unanswered() => Interlocked.Increment(ref _unanswered);

    public void ReceiptQueued() => Interlocked.Increment(ref _receiptsQueued);

    public void ReceiptSent() => Interlocked.Increment(ref _receiptsSent);

    public void ReceiptAcked() => Interlocked.Increment(ref _receiptsAcked);

    public void Mo() => Interlocked.Increment(ref _moSent);

    public void Query() => Interlocked.Increment(ref _queries);

    /// <summary>One line for the console; <paramref name="ratePerSecond"/> is the submit rate since the last line.</summary>
    public string Format(double ratePerSecond, int sessions) => string.Create(
        CultureInfo.InvariantCulture,
        $"sessions={sessions} binds={Binds} refused={Volatile.Read(ref _bindsRefused)} submits={Submits} ({ratePerSecond:F0}/s) " +
        $"accepted={Accepted} rejected={Volatile.Read(ref _rejected)} throttled={Volatile.Read(ref _throttled)} " +
        $"unanswered={Volatile.Read(ref _unanswered)} receipts queued={Volatile.Read(ref _receiptsQueued)} sent={ReceiptsSent} " +
        $"acked={ReceiptsAcked} mo={MoSent} queries={Volatile.Read(ref _queries)}");
}
