using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Submission;

/// <summary>A submission refused before anything was stored or charged: why, in SMPP and HTTP terms, and in words.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Message">A sentence for people (logs, HTTP problem details); never shown over SMPP.</param>
public sealed record SubmissionRefusal(RefusalReason Reason, string Message)
{
    /// <summary>The command_status to answer over SMPP.</summary>
    public CommandStatus Status => Reason.ToCommandStatus();

    /// <summary>The stable machine code for HTTP.</summary>
    public string Code => Reason.ToCode();

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Status}): {Message}";
}
