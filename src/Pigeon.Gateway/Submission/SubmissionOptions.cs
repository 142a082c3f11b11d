using Pigeon.Smpp.Concatenation;

namespace Pigeon.Gateway.Submission;

/// <summary>The gateway-wide rules a submission is held to.</summary>
public sealed record SubmissionOptions
{
    /// <summary>Most segments one message may be split into (and charged for); 255 is the protocol's most.</summary>
    public int MaxSegments { get; init; } = MessageSplitter.MaxParts;

    /// <summary>How Pigeon ties together the parts of a message it splits: 8-bit reference UDH unless told otherwise.</summary>
    public ConcatenationMode ConcatenationMode { get; init; } = ConcatenationMode.UdhReference8;

    /// <summary>Lets text that is not GSM 7-bit but fits Latin-1 go as data_coding 3 instead of UCS-2.</summary>
    public bool AllowLatin1ForText { get; init; }

    /// <summary>The validity a message gets when the customer asks for none.</summary>
    public TimeSpan DefaultValidity { get; init; } = TimeSpan.FromHours(48);

    /// <summary>The longest validity; a longer one asked for is cut to it.</summary>
    public TimeSpan MaxValidity { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How far ahead a message may be scheduled.</summary>
    public TimeSpan MaxScheduleAhead { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Most characters of a destination as typed (separators included); SMPP itself allows 20.</summary>
    public int MaxDestinationLength { get; init; } = 32;

    /// <summary>
    /// Lets a message's callback URL be a private, loopback or link-local IP address (<see cref="Webhooks.WebhookAddress"/>);
    /// off by default, so a customer cannot aim the gateway's requests into the operator's network.
    /// </summary>
    public bool AllowPrivateCallbackAddresses { get; init; }
}
