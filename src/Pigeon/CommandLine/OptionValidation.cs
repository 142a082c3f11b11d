using System.CommandLine;
using System.Globalization;

namespace Pigeon.CommandLine;

/// <summary>Range checks attached to options, so a bad value is a usage error that names the flag.</summary>
internal static class OptionValidation
{
    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (!TryGetValue<int>(result, out var value))
            {
                return;
            }

            if (value < min || value > max)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {min} and {max}; got {value}."));
            }
        });
        return option;
    }

    public static Option<long> AtLeast(this Option<long> option, long min)
    {
        option.Validators.Add(result =>
        {
            if (!TryGetValue<long>(result, out var value))
            {
                return;
            }

            if (value < min)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {min}; got {value}."));
            }
        });
        return option;
    }

    public static Option<double> IsShare(this Option<double> option)
    {
        option.Validators.Add(result =>
        {
            if (!TryGetValue<double>(result, out var value))
            {
                return;
            }

            if (!(value >= 0 && value <= 1))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be a share between 0 and 1; got {value}."));
            }
        });
        return option;
    }

    public static Option<string> MaxLength(this Option<string> option, int max)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>() ?? string.Empty;
            if (value.Length > max)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} is at most {max} characters (SMPP v3.4); got {value.Length}."));
            }
        });
        return option;
    }

    /// <summary>
    /// The option's value, or false when the token did not convert (the parser has already reported that as a usage
    /// error; reading the value then would throw instead of letting the error be shown).
    /// </summary>
    private static bool TryGetValue<T>(System.CommandLine.Parsing.OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    public static Option<T> Check<T>(this Option<T> option, Func<T, string?> check)
    {
        option.Validators.Add(result =>
        {
            if (TryGetValue<T>(result, out var value) && check(value) is { } error)
            {
                result.AddError($"{option.Name}: {error}");
            }
        });
        return option;
    }
}
