namespace Pigeon.Gateway.Submission;

/// <summary>
/// The destinations an account with a closed user group may send to. Each entry is E.164 digits (a leading '+' is
/// ignored); an entry ending in '*' is a prefix ("4479*" covers every number starting 4479), any other entry is one
/// number and must match exactly. An empty group restricts nothing. An entry that is not digits matches nothing but
/// still makes the group non-empty, so a mistyped group refuses rather than opens up. Immutable.
/// </summary>
public sealed class ClosedUserGroup
{
    private readonly HashSet<string> _numbers = new(StringComparer.Ordinal);
    private readonly string[] _prefixes;

    /// <summary>Reads the entries of <see cref="Accounts.SmppAccount.ClosedUserGroup"/>.</summary>
    public ClosedUserGroup(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var prefixes = new List<string>();
        foreach (var raw in entries)
        {
            IsRestricted = true;
            var entry = (raw ?? string.Empty).Trim().TrimStart('+');
            var isPrefix = entry.EndsWith('*');
            var digits = isPrefix ? entry[..^1] : entry;
            if (digits.Length == 0 || digits.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                continue;
            }

            if (isPrefix)
            {
                prefixes.Add(digits);
            }
            else
            {
                _numbers.Add(digits);
            }
        }

        _prefixes = [.. prefixes];
    }

    /// <summary>A group that restricts nothing.</summary>
    public static ClosedUserGroup Open { get; } = new([]);

    /// <summary>True when the group has entries, so only they may be sent to.</summary>
    public bool IsRestricted { get; }

    /// <summary>True if <paramref name="destination"/> (E.164 digits) may be sent to.</summary>
    public bool Allows(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!IsRestricted || _numbers.Contains(destination))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (destination.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
