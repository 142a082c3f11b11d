namespace Pigeon.Smpp.Concatenation;

/// <summary>Where one part sits in a concatenated message, as a header element or the SAR TLVs state it.</summary>
/// <param name="Mode">The form the information arrived in.</param>
/// <param name="Reference">The reference shared by every part (8 or 16 bits).</param>
/// <param name="Total">Number of parts.</param>
/// <param name="Sequence">This part's number, 1-based.</param>
internal readonly record struct ConcatenationInfo(ConcatenationMode Mode, ushort Reference, byte Total, byte Sequence)
{
    /// <summary>
    /// False for the values 3GPP TS 23.040 section 9.2.3.24.1 tells a receiver to ignore: zero parts, a zero
    /// sequence number, or one beyond the total.
    /// </summary>
    public bool IsValid => Total > 0 && Sequence > 0 && Sequence <= Total;
}
