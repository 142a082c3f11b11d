using Pigeon.Smpp.Pdus;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>One submit_sm the scripted SMSC received, and what it answered.</summary>
internal sealed class ReceivedSubmit(long ordinal, long partId, long sessionId, long timestamp, SubmitSm submit)
{
    /// <summary>1 for the first submit_sm the SMSC received, counting every session.</summary>
    public long Ordinal { get; } = ordinal;

    /// <summary>The part id the body carries (see <see cref="TestParts"/>).</summary>
    public long PartId { get; } = partId;

    public long SessionId { get; } = sessionId;

    /// <summary>When it arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long Timestamp { get; } = timestamp;

    public SubmitSm Submit { get; } = submit;

    /// <summary>The id it was given when answered OK; null while unanswered or when refused.</summary>
    public string? MessageId { get; set; }
}
