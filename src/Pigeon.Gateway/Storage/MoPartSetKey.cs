namespace Pigeon.Gateway.Storage;

/// <summary>
/// What ties the parts of one MO together: the handset, the number it was sent to, the reference and the announced
/// total (which keeps apart two messages that happen to share a reference). Not the supplier nor its bind: parts of
/// one message may come on any bind.
/// </summary>
public readonly record struct MoPartSetKey(string Source, string Destination, int Reference, int TotalParts);
