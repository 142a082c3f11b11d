namespace Pigeon.Gateway.Storage;

/// <summary>
/// Holds one part of a concatenated MO until its set is complete. A repeat is not stored (<see cref="WriteResult.Changed"/>
/// false): a part of the same set and number already held, or an identical one consumed and not forgotten yet (an
/// SMSC that missed our response sends it again, often after the set is complete). Otherwise
/// <see cref="WriteResult.Id"/> is the new row and <see cref="WriteResult.Count"/> the parts of its set now held.
/// </summary>
public sealed record StoreMoPart(MoPartRecord Part) : WriteCommand;
