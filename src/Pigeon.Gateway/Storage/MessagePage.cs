using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>One page of messages; <see cref="Next"/> is the cursor for the following page, null on the last.</summary>
public sealed record MessagePage(IReadOnlyList<MessageRecord> Items, MessageId? Next);
