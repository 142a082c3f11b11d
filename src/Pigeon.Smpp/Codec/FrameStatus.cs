namespace Pigeon.Smpp.Codec;

/// <summary>What <see cref="SmppFrameReader.TryReadFrame"/> found at the front of the buffer.</summary>
public enum FrameStatus
{
    /// <summary>Not enough bytes yet for a whole frame.</summary>
    Incomplete,
    /// <summary>A whole frame was sliced.</summary>
    Complete,
    /// <summary>command_length below 16 or above the maximum: the stream is unrecoverable.</summary>
    InvalidLength,
}
