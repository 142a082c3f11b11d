using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>How many messages of one status one supplier (null: none yet) has, for statistics.</summary>
public readonly record struct StatusCount(long? SupplierId, MessageStatus Status, long Count);
