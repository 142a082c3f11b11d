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

    /// <summary>Null with the address to send from when allowed; otherwise the refusal.</summary>
    public static SubmissionRefusal? Resolve(SmppAddress source, SubmittingAccount account, PhoneNumberNormalizer normalizer, out SmppAddress resolved)
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

        if (source.Ton is not (TypeOfNumber.NetworkSpecific or TypeOfNumber.Abbreviated))
        {
            var number = normalizer.Normalize(source, account.Customer.Country);
            if (number.Succeeded && account.AllowsSender(number.Number))
            {
                resolved = SmppAddress.International(number.Number);
                return null;
            }
        }

        var digits = value.StartsWith('+') ? value[1..] : value;
        if (digits.Length == 0 || digits.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return new SubmissionRefusal(RefusalReason.InvalidSource, $"The numeric sender \"{value}\" holds more than digits.");
        }

        if (!account.AllowsSender(digits))
        {
            return NotAllowed(value);
        }

        resolved = source.Ton == TypeOfNumber.International
            ? SmppAddress.International(digits)
            : new SmppAddress(source.Ton, source.Npi, digits);
        return null;
    }

    private static bool IsAlphanumeric(SmppAddress source) =>
        source.Ton == TypeOfNumber.Alphanumeric
        || (source.Ton == TypeOfNumber.Unknown && source.Value.AsSpan(source.Value.StartsWith('+') ? 1 : 0).ContainsAnyExceptInRange('0', '9'));

    private static SubmissionRefusal NotAllowed(string value) =>
        new(RefusalReason.SenderNotAllowed, $"\"{value}\" is not one of the account's active sender ids.");
}
