namespace Pigeon.Gateway.Submission;

/// <summary>Why a number could not be normalised.</summary>
public enum NumberFailure
{
    /// <summary>Normalised.</summary>
    None,

    /// <summary>No digits at all.</summary>
    Empty,

    /// <summary>Letters or symbols other than the separators people type (space, '-', '.', '(', ')', '/') and a leading '+'.</summary>
    InvalidCharacters,

    /// <summary>Fewer digits than any number of its country has.</summary>
    TooShort,

    /// <summary>More digits than any number of its country has.</summary>
    TooLong,

    /// <summary>No country uses the calling code the number starts with.</summary>
    InvalidCountryCode,

    /// <summary>A national number, but the default country it would be read in is unknown.</summary>
    UnknownDefaultCountry,

    /// <summary>The right length but in no range the country assigns.</summary>
    InvalidNumber,

    /// <summary>A valid number of a kind that does not take SMS (fixed line, toll free, premium rate, ...).</summary>
    NotMobile,

    /// <summary>A short code where short codes are not allowed, or one of the wrong shape.</summary>
    ShortCodeNotAllowed,

    /// <summary>The type of number cannot address a handset (alphanumeric, or an undefined value).</summary>
    UnsupportedTon,

    /// <summary>The numbering plan is not one telephone numbers are written in.</summary>
    UnsupportedNpi,
}
