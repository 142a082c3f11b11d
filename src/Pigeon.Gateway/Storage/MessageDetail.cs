using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>A message with its parts (in part order) and its history (oldest first).</summary>
public sealed record MessageDetail(MessageRecord Message, IReadOnlyList<MessagePart> Parts, IReadOnlyList<MessageEvent> History);
