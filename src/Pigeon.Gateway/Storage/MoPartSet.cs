namespace Pigeon.Gateway.Storage;

/// <summary>A set of held MO parts: how many of its <see cref="MoPartSetKey.TotalParts"/> are held, and since when.</summary>
public sealed record MoPartSet(MoPartSetKey Key, int Held, DateTimeOffset FirstReceivedAt)
{
    /// <summary>Every part is held.</summary>
    public bool IsComplete => Held >= Key.TotalParts;
}
