using System.Globalization;

namespace Pigeon.Simulator;

/// <summary>
/// An MO request typed on the simulator's standard input: <c>mo [@SYSTEM_ID] [--ref N] [--parts 3,1] FROM TO TEXT...</c>.
/// Long text goes as UDH-concatenated parts; <c>--ref</c> fixes their reference (0..255) and <c>--parts</c> sends
/// only the listed part numbers, in that order (a test can send a message's parts out of order, or some now and
/// the rest later with the same reference).
/// </summary>
internal readonly record struct MoRequest(string? SystemId, string From, string To, string Text, ushort? Reference = null, IReadOnlyList<int>? Parts = null)
{
    public const string Usage = "usage: mo [@SYSTEM_ID] [--ref N] [--parts 3,1] FROM TO TEXT";

    public static bool TryParse(string line, out MoRequest request)
    {
        request = default;
        var parts = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("mo", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = parts[1];
        string? systemId = null;
        if (rest.StartsWith('@'))
        {
            if (!TakeWord(ref rest, out var word))
            {
                return false;
            }

            systemId = word[1..];
        }

        ushort? reference = null;
        List<int>? selected = null;
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            if (!TakeWord(ref rest, out var option) || !TakeWord(ref rest, out var value))
            {
                return false;
            }

            if (option == "--ref" && byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                reference = number;
            }
            else if (option == "--parts" && TryParseNumbers(value, out var numbers))
            {
                selected = numbers;
            }
            else
            {
                return false;
            }
        }

        var fields = rest.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
        {
            return false;
        }

        request = new MoRequest(systemId, fields[0], fields[1], fields[2], reference, selected);
        return true;
    }

    private static bool TakeWord(ref string rest, out string word)
    {
        var split = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        word = split.Length > 0 ? split[0] : string.Empty;
        rest = split.Length == 2 ? split[1] : string.Empty;
        return split.Length == 2;
    }

    private static bool TryParseNumbers(string value, out List<int> numbers)
    {
        numbers = [];
        foreach (var item in value.Split(','))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return false;
            }

            numbers.Add(number);
        }

        return true;
    }
}
