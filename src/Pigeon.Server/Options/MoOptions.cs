namespace Pigeon.Server.Options;

/// <summary>Mobile-originated messages from suppliers, bound from "Pigeon:Mo" (e.g. <c>PIGEON__Mo__ReassemblyTimeout=00:02:00</c>).</summary>
public sealed class MoOptions
{
    /// <summary>
    /// How long after its first part a concatenated MO waits for the rest; then what arrived is delivered as one
    /// message with the gaps marked. 5 minutes by default; between 1 second and 1 day.
    /// </summary>
    public TimeSpan ReassemblyTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often held parts are checked against the time-out: a quarter of it, at most 5 seconds.</summary>
    public TimeSpan SweepInterval => TimeSpan.FromTicks(Math.Min(ReassemblyTimeout.Ticks / 4, TimeSpan.FromSeconds(5).Ticks));
}
