using System.Globalization;

namespace Pigeon.Simulator;

/// <summary>
/// A weighted choice of receipt outcomes, e.g. "DELIVRD=90,UNDELIV=5,EXPIRED=3,REJECTD=2". Picking is a lookup in a
/// cumulative table with a per-thread random number, so it takes no lock on the submit path.
/// </summary>
public sealed class OutcomeMix
{
    private readonly ReceiptOutcome[] _outcomes;
    private readonly double[] _cumulative;

    private OutcomeMix(ReceiptOutcome[] outcomes, double[] weights)
    {
        _outcomes = outcomes;
        _cumulative = new double[weights.Length];
        var total = weights.Sum();
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            _cumulative[i] = running;
        }

        _cumulative[^1] = 1.0;
    }

    /// <summary>Every receipt says DELIVRD.</summary>
    public static OutcomeMix AllDelivered { get; } = new([ReceiptOutcome.Delivered], [1]);

    /// <summary>The share of each outcome, normalised, in table order.</summary>
    public IEnumerable<(ReceiptOutcome Outcome, double Share)> Shares =>
        _outcomes.Select((o, i) => (o, _cumulative[i] - (i == 0 ? 0 : _cumulative[i - 1])));

    /// <summary>
    /// Builds the mix from a delivered rate (0..1), with the rest spread over the given failure weights
    /// (UNDELIV only when none are given).
    /// </summary>
    public static OutcomeMix FromDeliveredRate(double deliveredRate, IReadOnlyDictionary<string, double>? failureWeights)
    {
        var outcomes = new List<ReceiptOutcome> { ReceiptOutcome.Delivered };
        var weights = new List<double> { deliveredRate };
        var failures = failureWeights is { Count: > 0 } ? failureWeights : new Dictionary<string, double> { ["UNDELIV"] = 1 };
        var failureTotal = failures.Values.Sum();
        foreach (var (stat, weight) in failures)
        {
            if (!ReceiptOutcome.TryParse(stat, out var outcome) || outcome == ReceiptOutcome.Delivered)
            {
                continue;
            }

            outcomes.Add(outcome);
            weights.Add((1 - deliveredRate) * weight / failureTotal);
        }

        return new OutcomeMix([.. outcomes], [.. weights]);
    }

    /// <summary>Parses "STAT=weight,..." (weights need not add up to anything in particular).</summary>
    public static bool TryParse(string text, out OutcomeMix? mix, out string? error)
    {
        var outcomes = new List<ReceiptOutcome>();
        var weights = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !ReceiptOutcome.TryParse(pieces[0], out var outcome))
            {
                (mix, error) = (null, $"'{part}' is not STAT=weight with STAT one of DELIVRD, UNDELIV, EXPIRED, REJECTD.");
                return false;
            }

            if (!double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0)
            {
                (mix, error) = (null, $"'{pieces[1]}' is not a weight (a number of at least 0).");
                return false;
            }

            outcomes.Add(outcome);
            weights.Add(weight);
        }

        if (weights.Sum() <= 0)
        {
            (mix, error) = (null, "The outcome weights must add up to more than zero.");
            return false;
        }

        (mix, error) = (new OutcomeMix([.. outcomes], [.. weights]), null);
        return true;
    }

    /// <summary>
    /// The outcome of the message with this sequence number: a fixed function of it, so the simulator can answer
    /// query_sm later without keeping a record per message. Consecutive numbers are spread evenly by the SplitMix64
    /// finaliser, so the mix holds over any run of messages.
    /// </summary>
    public ReceiptOutcome PickFor(long sequence)
    {
        if (_outcomes.Length == 1)
        {
            return _outcomes[0];
        }

        var z = unchecked((ulong)sequence + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        var roll = (z >> 11) * (1.0 / (1UL << 53));
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (roll < _cumulative[i])
            {
                return _outcomes[i];
            }
        }

        return _outcomes[^1];
    }
}
