using Pigeon.Gateway.Storage;

namespace Pigeon.Gateway.MobileOriginated;

/// <summary>What became of an MO or part, and the MO stored for the customer when one was (with its row id).</summary>
/// <param name="Kind">Stored, held, repeat, assembled or incomplete.</param>
/// <param name="Mo">The MO stored for its customer: set for <see cref="MoOutcomeKind.Stored"/>, <see cref="MoOutcomeKind.Assembled"/> and <see cref="MoOutcomeKind.Incomplete"/>.</param>
/// <param name="MissingParts">The part numbers that never came, for <see cref="MoOutcomeKind.Incomplete"/>; empty otherwise.</param>
public readonly record struct MoOutcome(MoOutcomeKind Kind, MoRecord? Mo, IReadOnlyList<int> MissingParts);
