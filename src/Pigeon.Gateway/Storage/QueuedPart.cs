using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>A part waiting in a supplier's queue, with its message (addresses, validity, route).</summary>
public sealed record QueuedPart(MessagePart Part, MessageRecord Message);
