namespace Pigeon.Smpp.Concatenation;

/// <summary>
/// What identifies the parts of one message: the caller's prefix (e.g. a session id), both addresses, the
/// reference, and the announced total (which keeps apart two messages that happen to share a reference).
/// </summary>
internal readonly record struct PendingKey(string? Prefix, string Source, string Destination, ushort Reference, byte Total);
