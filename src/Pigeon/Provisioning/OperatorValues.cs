using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Storage;

namespace Pigeon.Provisioning;

/// <summary>
/// How operators' values are read: money as an invariant decimal with at most six places (never through double),
/// times as a date, a timestamp or an age ("1h"), customers by name or id. A value that does not parse is a usage
/// error naming the flag.
/// </summary>
internal static class OperatorValues
{
    /// <summary>Money is stored exact to six decimal places; more would be silently rounded, so it is refused.</summary>
    public const int MoneyScale = 6;

    public static bool TryParseAmount(string text, out decimal amount) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
        && decimal.Round(amount, MoneyScale) == amount;

    /// <summary>A money option: "12.5", "-0.000001"; <paramref name="sign"/> says which amounts it takes.</summary>
    public static Option<decimal> Amount(string name, string description, AmountSign sign) => new(name)
    {
        Description = description,
        CustomParser = result => ParseAmount(result, name, sign),
    };

    private static decimal ParseAmount(ArgumentResult result, string name, AmountSign sign)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!TryParseAmount(text, out var amount))
        {
            result.AddError($"{name} must be a decimal amount like 12.50 (a '.' and at most {MoneyScale} places); got '{text}'.");
            return 0m;
        }

        var refusal = sign switch
        {
            AmountSign.Positive when amount <= 0m => "above zero",
            AmountSign.NotNegative when amount < 0m => "zero or above",
            AmountSign.NotZero when amount == 0m => "other than zero",
            _ => null,
        };
        if (refusal is not null)
        {
            result.AddError($"{name} must be {refusal}; got {text}.");
        }

        return amount;
    }

    /// <summary>A point in time: "2026-11-01" (UTC midnight), an ISO 8601 timestamp, or an age back from now ("90s", "30m", "1h", "7d").</summary>
    public static Option<DateTimeOffset?> Since(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (TryParseSince(text, DateTimeOffset.UtcNow, out var since))
            {
                return since;
            }

            result.AddError($"{name} must be a date (2026-11-01), a timestamp (2026-11-01T12:00:00Z) or an age (30m, 1h, 7d); got '{text}'.");
            return null;
        },
    };

    public static bool TryParseSince(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        since = default;
        if (text.Length >= 2 && char.IsAsciiLetter(text[^1])
            && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            TimeSpan? unit = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => null,
            };
            if (unit is { } u && count <= 36_500)
            {
                since = now - (u * count);
                return true;
            }

            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            since = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since);
    }

    /// <summary>A message id (the decimal number customers get in submit_sm_resp).</summary>
    public static Option<MessageId?> MessageIdOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (MessageId.TryParse(text, out var id))
            {
                return id;
            }

            result.AddError($"{name} must be a message id (a decimal number); got '{text}'.");
            return null;
        },
    };

    /// <summary>A customer by exact name, or else by numeric id.</summary>
    public static async Task<Customer> FindCustomerAsync(IProvisioningStore store, string reference, CancellationToken cancellationToken)
    {
        if (await store.FindCustomerAsync(reference, cancellationToken) is { } byName)
        {
            return byName;
        }

        if (long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await store.GetCustomerAsync(id, cancellationToken) is { } byId)
        {
            return byId;
        }

        throw new ProvisioningFailedException($"no customer '{reference}' (give its name or id; `pigeon customers list` shows them).");
    }

    public static string Money(decimal amount) => amount.ToString("0.00####", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
