using System.Buffers;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// Applies the sender rule of <see cref="SubmittingAccount"/> to a source address and gives the address as it will
/// be sent on: alphanumeric as TON 5 NPI 0; a number that matched in E.164 form as TON 1 NPI 1; a short code
/// or other number that matched as given.
/// </summary>
internal static class SenderResolution
{
    /// <summary>Most septets of an alphanumeric sender (3GPP TS 23.040 section 9.1.2.5: 10 octets of packed address).</summary>
    public const int MaxAlphanumericLength = 11;

    private static readonly SearchValues<char> NumberCharacters = SearchValues.Create("0123456789+ -.()/");

    /// <summary>
    /// Reads numeric senders. Lenient on purpose: a sender must be listed anyway, and listed numbers include ranges
    /// the metadata calls invalid (virtual numbers, Ofcom's drama range), so a possible length is enough here.
    /// </summary>
    private static readonly PhoneNumberNormalizer Normalizer = new(new PhoneNumberNormalizerOptions { AcceptPossibleNumbers = true });

    /// <summary>Null with the address to send from when allowed; otherwise the refusal.</summary>
    public static SubmissionRefusal? Resolve(SmppAddress source, SubmittingAccount account, out SmppAddress resolved)
    {
        resolved = source;
        var value = source.Value;
        if (IsAlphanumeric(source))
        {
            if (!SmsText.CanEncode(value, SmsEncoding.Gsm7) || SmsText.GetByteCount(value, SmsEncoding.Gsm7) > MaxAlphanumericLength)
            {
                return new SubmissionRefusal(RefusalReason.InvalidSource, $"An alphanumeric sender is at most {MaxAlphanumericLength} GSM characters; \"{value}\" is not.");
            }

            if (!account.AllowsSender(value))
            {
                return NotAllowed(value);
            }

            resolved = SmppAddress.Alphanumeric(value);
            return null;
        }

        var shortCode = source.Ton is TypeOfNumber.NetworkSpecific or TypeOfNumber.Abbreviated;
        if (!shortCode)
        {
            var number = Normalizer.Normalize(source, account.Customer.Country);
            if (number.Succeeded && account.AllowsSender(number.Number))
            {
                resolved = SmppAddress.International(number.Number);
                return null;
            }
        }

        // Not a listed number in E.164 form: perhaps listed as given (a short code, or a number the metadata
        // cannot read). Short codes are digits only; numbers may carry the separators people type.
        var span = value.AsSpan();
        var malformed = shortCode ? span.ContainsAnyExceptInRange('0', '9') : span.IndexOfAnyExcept(NumberCharacters) >= 0;
        if (malformed || !span.ContainsAnyInRange('0', '9'))
        {
            return new SubmissionRefusal(RefusalReason.InvalidSource, $"The numeric sender \"{value}\" holds more than digits.");
        }

        var digits = string.Concat(value.Where(char.IsAsciiDigit));
        if (!account.AllowsSender(digits))
        {
            return NotAllowed(value);
        }

        resolved = source.Ton == TypeOfNumber.International
            ? SmppAddress.International(digits)
            : new SmppAddress(source.Ton, source.Npi, digits);
        return null;
    }

    /// <summary>TON 5, or TON 0 with something besides digits and the separators people type in numbers.</summary>
    private static bool IsAlphanumeric(SmppAddress source) =>
        source.Ton == TypeOfNumber.Alphanumeric
        || (source.Ton == TypeOfNumber.Unknown && source.Value.AsSpan().IndexOfAnyExcept(NumberCharacters) >= 0);

    private static SubmissionRefusal NotAllowed(string value) =>
        new(RefusalReason.SenderNotAllowed, $"\"{value}\" is not one of the account's active sender ids.");
}
