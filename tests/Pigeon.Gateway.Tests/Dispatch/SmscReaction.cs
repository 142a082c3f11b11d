using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>What the scripted SMSC does with one submit_sm.</summary>
internal sealed record SmscReaction(SmscReactionKind Kind, CommandStatus Status = CommandStatus.Ok, TimeSpan Delay = default)
{
    public static SmscReaction Accept { get; } = new(SmscReactionKind.Accept);

    public static SmscReaction Throttle { get; } = new(SmscReactionKind.Answer, CommandStatus.Throttled);

    public static SmscReaction NoAnswer { get; } = new(SmscReactionKind.NoAnswer);

    public static SmscReaction DropLink { get; } = new(SmscReactionKind.DropLink);

    public static SmscReaction ReceiptFirst { get; } = new(SmscReactionKind.ReceiptFirst);

    public static SmscReaction Answer(CommandStatus status) => new(SmscReactionKind.Answer, status);

    public static SmscReaction AcceptAfter(TimeSpan delay) => new(SmscReactionKind.AcceptLater, Delay: delay);
}
