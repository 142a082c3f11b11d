namespace Pigeon.Smpp.Concatenation;

/// <summary>The outcome of adding one part to a <see cref="MessageReassembler"/>.</summary>
/// <param name="Status">Complete, pending or duplicate.</param>
/// <param name="Message">The whole message when <paramref name="Status"/> is <see cref="ReassemblyStatus.Complete"/>, else null.</param>
public readonly record struct ReassemblyResult(ReassemblyStatus Status, ReassembledMessage? Message);
