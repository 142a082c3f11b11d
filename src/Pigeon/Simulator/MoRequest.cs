namespace Pigeon.Simulator;

/// <summary>An MO request typed on the simulator's standard input: <c>mo [@SYSTEM_ID] FROM TO TEXT...</c>.</summary>
internal readonly record struct MoRequest(string? SystemId, string From, string To, string Text)
{
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
            var split = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (split.Length != 2)
            {
                return false;
            }

            (systemId, rest) = (split[0][1..], split[1]);
        }

        var fields = rest.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
        {
            return false;
        }

        request = new MoRequest(systemId, fields[0], fields[1], fields[2]);
        return true;
    }
}
