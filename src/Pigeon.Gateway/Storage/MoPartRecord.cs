namespace Pigeon.Gateway.Storage;

/// <summary>
/// One part of a concatenated mobile-originated message, held in the store from its arrival (before the supplier
/// is answered) until its set is complete or given up, and then consumed into the MO its customer gets.
/// </summary>
public sealed record MoPartRecord
{
    public long Id { get; init; }

    /// <summary>The part as received: its <see cref="MoRecord.Body"/> keeps the user data header; its Id is ignored.</summary>
    public required MoRecord Part { get; init; }

    /// <summary>The concatenation reference (8 or 16 bits, or sar_msg_ref_num).</summary>
    public required int Reference { get; init; }

    /// <summary>How many parts the set was announced to have.</summary>
    public required int TotalParts { get; init; }

    /// <summary>This part's number, 1-based.</summary>
    public required int PartNumber { get; init; }

    /// <summary>The set the part belongs to.</summary>
    public MoPartSetKey SetKey => new(Part.Source, Part.Destination, Reference, TotalParts);
}
