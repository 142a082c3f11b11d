using System.Collections.Frozen;
using Pigeon.Gateway.Accounts;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// The block list as the planner reads it: the numbers blocked for everyone and, per customer, the numbers blocked
/// for that customer, each a frozen set of E.164 digits. Built once per provisioning snapshot and shared by every
/// <see cref="SubmittingAccount"/> of it, so a long operator list is held once.
/// </summary>
public sealed class BlockedDestinations
{
    private readonly FrozenSet<string> _everyone;
    private readonly FrozenDictionary<long, FrozenSet<string>> _byCustomer;

    /// <summary>Prepares <paramref name="numbers"/> (numbers with a leading '+' are read without it).</summary>
    public BlockedDestinations(IEnumerable<BlockedNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var list = numbers.ToList();
        _everyone = list.Where(n => n.CustomerId is null).Select(n => Digits(n.Number)).ToFrozenSet(StringComparer.Ordinal);
        _byCustomer = list
            .Where(n => n.CustomerId is not null)
            .GroupBy(n => n.CustomerId!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.Select(n => Digits(n.Number)).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>No number blocked.</summary>
    public static BlockedDestinations None { get; } = new([]);

    /// <summary>True when <paramref name="number"/> (E.164 digits) is blocked for everyone or for <paramref name="customerId"/>.</summary>
    public bool IsBlocked(string number, long customerId) =>
        _everyone.Contains(number) || (_byCustomer.TryGetValue(customerId, out var own) && own.Contains(number));

    private static string Digits(string number) => number.StartsWith('+') ? number[1..] : number;
}
