using System.Collections.Frozen;
using PhoneNumbers;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// Turns a number as a customer submitted it into E.164 digits without '+', with Google's libphonenumber metadata.
/// How the digits are read depends on the type of number (SMPP v3.4 section 5.2.5):
/// <code>
/// TON                  reading
/// 1 international      country code first; a leading '+' or "00" is dropped
/// 2 national, 4 subsc. in the customer's default country (a trunk prefix such as UK "0" is dropped)
/// 0 unknown (and HTTP) '+' means international; digits starting with the default country's trunk prefix (or an
///                      IDD) are read nationally first, others internationally first; the other reading is the
///                      fallback when the first gives no valid number
/// 3 network specific,  a short code, kept as given (digits only, at most MaxShortCodeLength)
/// 6 abbreviated
/// 5 alphanumeric       refused: not a handset address
/// </code>
/// Spaces, '-', '.', '(', ')' and '/' are ignored, as people type them over HTTP. The shared
/// <see cref="PhoneNumberUtil"/> instance is used; inputs the library would throw on (bad characters, a calling code
/// no country uses, too few or too many digits) are caught before it is called, so the common failures cost no
/// exception. Thread-safe.
/// </summary>
public sealed class PhoneNumberNormalizer
{
    /// <summary>Digits any input may have, IDD and trunk prefix included (E.164 allows 15 after the prefixes).</summary>
    private const int MaxInputDigits = 20;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private readonly PhoneNumberNormalizerOptions _options;
    private readonly bool[] _callingCodes = new bool[1000];
    private readonly FrozenDictionary<string, string> _trunkPrefixes;

    /// <summary>Creates a normalizer; options default to <see cref="PhoneNumberNormalizerOptions"/>'s defaults.</summary>
    public PhoneNumberNormalizer(PhoneNumberNormalizerOptions? options = null)
    {
        _options = options ?? new PhoneNumberNormalizerOptions();
        foreach (var code in Util.GetSupportedCallingCodes())
        {
            _callingCodes[code] = true;
        }

        var trunks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in Util.GetSupportedRegions())
        {
            trunks[region] = Util.GetNddPrefixForRegion(region, stripNonDigits: true) ?? string.Empty;
        }

        _trunkPrefixes = trunks.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>True if <paramref name="country"/> (ISO 3166-1 alpha-2, upper case) has numbering metadata.</summary>
    public bool IsKnownCountry(string country) => _trunkPrefixes.ContainsKey(country);

    /// <summary>Normalises a number given without a type of number, as the HTTP front ends do (TON 0).</summary>
    public NumberNormalization Normalize(string number, string defaultCountry) =>
        Normalize(new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, number ?? string.Empty), defaultCountry);

    /// <summary>
    /// Normalises <paramref name="address"/>; national numbers are read in <paramref name="defaultCountry"/>
    /// (ISO 3166-1 alpha-2, the customer's country).
    /// </summary>
    public NumberNormalization Normalize(SmppAddress address, string defaultCountry)
    {
        var value = address.Value ?? string.Empty;
        var ton = address.Ton;
        if (ton is TypeOfNumber.Alphanumeric || ton > TypeOfNumber.Abbreviated)
        {
            return NumberNormalization.Fail(NumberFailure.UnsupportedTon);
        }

        if (ton is TypeOfNumber.NetworkSpecific or TypeOfNumber.Abbreviated)
        {
            return NormalizeShortCode(value, address.Npi);
        }

        if (address.Npi is not (NumberingPlan.Unknown or NumberingPlan.Isdn or NumberingPlan.National or NumberingPlan.Private))
        {
            return NumberNormalization.Fail(NumberFailure.UnsupportedNpi);
        }

        Span<char> buffer = stackalloc char[MaxInputDigits];
        var failure = ExtractDigits(value, buffer, out var digitCount, out var hasPlus);
        if (failure != NumberFailure.None)
        {
            return NumberNormalization.Fail(failure);
        }

        var digits = buffer[..digitCount];
        switch (ton)
        {
            case TypeOfNumber.International:
                if (!hasPlus && digits.StartsWith("00"))
                {
                    digits = digits[2..];
                }

                return NormalizeInternational(digits);
            case TypeOfNumber.National:
            case TypeOfNumber.SubscriberNumber:
                return hasPlus ? NormalizeInternational(digits) : NormalizeNational(digits, defaultCountry);
            default:
                return hasPlus ? NormalizeInternational(digits) : NormalizeUnknown(digits, defaultCountry);
        }
    }

    private NumberNormalization NormalizeUnknown(ReadOnlySpan<char> digits, string defaultCountry)
    {
        if (!_trunkPrefixes.TryGetValue(defaultCountry, out var trunk))
        {
            return NormalizeInternational(digits);
        }

        // Digits that start with the default country's trunk prefix (UK "0", US "1", RU "8"), or with an IDD that
        // begins like it ("00", "011"), are read in that country first; anything else is read as international
        // first, as ESMEs leaving the TON unknown mostly mean. The other reading is the fallback.
        var nationalFirst = trunk.Length > 0 && digits.StartsWith(trunk);
        var first = nationalFirst ? NormalizeNational(digits, defaultCountry) : NormalizeInternational(digits);
        if (first.Succeeded)
        {
            return first;
        }

        var second = nationalFirst ? NormalizeInternational(digits) : NormalizeNational(digits, defaultCountry);
        return second.Succeeded ? second : first;
    }

    private NumberNormalization NormalizeInternational(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 3)
        {
            return NumberNormalization.Fail(digits.Length == 0 ? NumberFailure.Empty : NumberFailure.TooShort);
        }

        if (digits.Length > 17)
        {
            return NumberNormalization.Fail(NumberFailure.TooLong);
        }

        // Calling codes are prefix-free: at most one of the first one, two or three digits is assigned.
        if (!HasCallingCode(digits))
        {
            return NumberNormalization.Fail(NumberFailure.InvalidCountryCode);
        }

        Span<char> plus = stackalloc char[digits.Length + 1];
        plus[0] = '+';
        digits.CopyTo(plus[1..]);
        return Parse(new string(plus), "ZZ");
    }

    private NumberNormalization NormalizeNational(ReadOnlySpan<char> digits, string defaultCountry)
    {
        if (!_trunkPrefixes.ContainsKey(defaultCountry))
        {
            return NumberNormalization.Fail(NumberFailure.UnknownDefaultCountry);
        }

        return digits.Length < 2 ? NumberNormalization.Fail(NumberFailure.TooShort) : Parse(new string(digits), defaultCountry);
    }

    private bool HasCallingCode(ReadOnlySpan<char> digits)
    {
        var code = 0;
        for (var i = 0; i < 3; i++)
        {
            code = code * 10 + (digits[i] - '0');
            if (_callingCodes[code])
            {
                return true;
            }
        }

        return false;
    }

    private NumberNormalization Parse(string text, string region)
    {
        PhoneNumber number;
        try
        {
            number = Util.Parse(text, region);
        }
        catch (NumberParseException e)
        {
            // Rare past the checks above (an IDD followed by too little, or by an unassigned calling code).
            return NumberNormalization.Fail(e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => NumberFailure.InvalidCountryCode,
                ErrorType.TOO_LONG => NumberFailure.TooLong,
                ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => NumberFailure.TooShort,
                _ => NumberFailure.InvalidNumber,
            });
        }

        if (!Util.IsValidNumber(number))
        {
            var reason = Util.IsPossibleNumberWithReason(number);
            if (!(_options.AcceptPossibleNumbers && reason == PhoneNumberUtil.ValidationResult.IS_POSSIBLE))
            {
                return NumberNormalization.Fail(reason switch
                {
                    PhoneNumberUtil.ValidationResult.TOO_SHORT or PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => NumberFailure.TooShort,
                    PhoneNumberUtil.ValidationResult.TOO_LONG => NumberFailure.TooLong,
                    PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => NumberFailure.InvalidCountryCode,
                    _ => NumberFailure.InvalidNumber,
                });
            }
        }

        if (_options.RequireMobileCapable && !IsMobileCapable(Util.GetNumberType(number)))
        {
            return NumberNormalization.Fail(NumberFailure.NotMobile);
        }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        return NumberNormalization.International(e164[1..]);
    }

    private static bool IsMobileCapable(PhoneNumberType type) =>
        type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE or PhoneNumberType.PAGER
            or PhoneNumberType.PERSONAL_NUMBER or PhoneNumberType.VOIP;

    private NumberNormalization NormalizeShortCode(string value, NumberingPlan npi)
    {
        if (!Enum.IsDefined(npi))
        {
            return NumberNormalization.Fail(NumberFailure.UnsupportedNpi);
        }

        if (value.Length == 0)
        {
            return NumberNormalization.Fail(NumberFailure.Empty);
        }

        if (!_options.AllowShortCodes || value.Length > _options.MaxShortCodeLength)
        {
            return NumberNormalization.Fail(NumberFailure.ShortCodeNotAllowed);
        }

        return value.AsSpan().ContainsAnyExceptInRange('0', '9')
            ? NumberNormalization.Fail(NumberFailure.InvalidCharacters)
            : NumberNormalization.ShortCode(value);
    }

    /// <summary>Copies the digits of <paramref name="value"/>; a '+' may only come before the first digit.</summary>
    private static NumberFailure ExtractDigits(ReadOnlySpan<char> value, Span<char> digits, out int count, out bool hasPlus)
    {
        count = 0;
        hasPlus = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return NumberFailure.TooLong;
                }

                digits[count++] = c;
            }
            else if (c == '+' && count == 0 && !hasPlus)
            {
                hasPlus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                return NumberFailure.InvalidCharacters;
            }
        }

        return count == 0 ? NumberFailure.Empty : NumberFailure.None;
    }
}
