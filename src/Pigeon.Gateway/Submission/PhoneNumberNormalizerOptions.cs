namespace Pigeon.Gateway.Submission;

/// <summary>How strict <see cref="PhoneNumberNormalizer"/> is.</summary>
public sealed record PhoneNumberNormalizerOptions
{
    /// <summary>Short codes addressed with TON 3 (network specific) or 6 (abbreviated) pass as given.</summary>
    public bool AllowShortCodes { get; init; } = true;

    /// <summary>Most digits of a short code.</summary>
    public int MaxShortCodeLength { get; init; } = 8;

    /// <summary>
    /// Accept numbers that have a possible length for their country even when they fall in no range the metadata
    /// knows. Off by default: a number the metadata rejects is almost always a typing error, and charging for it
    /// helps nobody; turn it on where new ranges open faster than the library is updated.
    /// </summary>
    public bool AcceptPossibleNumbers { get; init; }

    /// <summary>
    /// Refuse numbers the metadata says cannot take SMS (fixed line, toll free, premium rate, shared cost, UAN,
    /// voicemail). Off by default: several countries deliver SMS to fixed lines.
    /// </summary>
    public bool RequireMobileCapable { get; init; }
}
