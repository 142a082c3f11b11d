using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Dispatch;

/// <summary>A part on its way through one bind: how often it was sent and how it failed, for back-off and failover.</summary>
internal sealed class SubmitAttempt(DispatchItem item, long sequence)
{
    /// <summary>The part.</summary>
    public DispatchItem Item { get; } = item;

    /// <summary>The order the bind took it in; a part sent again goes ahead of every part taken after it.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>submit_sm sent for it on this supplier.</summary>
    public int Sends { get; set; }

    /// <summary>Temporary failures (throttling not counted).</summary>
    public int TemporaryFailures { get; set; }

    /// <summary>When it first failed (throttling included), as a <see cref="TimeProvider"/> timestamp.</summary>
    public long? FirstFailureTimestamp { get; set; }

    /// <summary>The last command_status a supplier answered it with, if any.</summary>
    public CommandStatus? LastStatus { get; set; }

    /// <summary>The last failure in words, for logs and the failover reason.</summary>
    public string LastFailure { get; set; } = string.Empty;

    /// <summary>The part as reported to the outcomes: its attempt count includes the sends made here.</summary>
    public DispatchItem Reported => Sends == 0 ? Item : Item with { Attempts = Item.Attempts + Sends };
}
