namespace Pigeon.Gateway.Submission;

/// <summary>What a normalised number is.</summary>
public enum NumberKind
{
    /// <summary>Not a number (a failed normalisation).</summary>
    None,

    /// <summary>An E.164 number: country code and national significant number, digits only, no '+'.</summary>
    International,

    /// <summary>A short code or network-specific number (TON 3 or 6), kept as given.</summary>
    ShortCode,
}
