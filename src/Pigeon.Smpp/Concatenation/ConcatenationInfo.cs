using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Concatenation;

/// <summary>Where one part sits in a concatenated message, as a header element or the SAR TLVs state it.</summary>
/// <param name="Mode">The form the information arrived in.</param>
/// <param name="Reference">The reference shared by every part (8 or 16 bits).</param>
/// <param name="Total">Number of parts.</param>
/// <param name="Sequence">This part's number, 1-based.</param>
public readonly record struct ConcatenationInfo(ConcatenationMode Mode, ushort Reference, byte Total, byte Sequence)
{
    /// <summary>
    /// False for the values 3GPP TS 23.040 section 9.2.3.24.1 tells a receiver to ignore: zero parts, a zero
    /// sequence number, or one beyond the total.
    /// </summary>
    public bool IsValid => Total > 0 && Sequence > 0 && Sequence <= Total;

    /// <summary>
    /// Reads how <paramref name="message"/> is tied to other parts: a concatenation element of its user data header
    /// (esm_class UDHI set; 8- or 16-bit reference), else the SAR TLVs (SMPP v3.4 sections 5.3.2.22 to 5.3.2.24).
    /// False when it carries neither; the values are not checked (see <see cref="IsValid"/>).
    /// </summary>
    /// <param name="message">A received deliver_sm, submit_sm or data_sm turned into one.</param>
    /// <param name="info">The concatenation values, when found.</param>
    /// <param name="headerLength">Octets of the user data header at the start of the content (UDHL included), whatever it holds; 0 when there is none.</param>
    public static bool TryRead(ShortMessageRequest message, out ConcatenationInfo info, out int headerLength)
    {
        ArgumentNullException.ThrowIfNull(message);
        info = default;
        headerLength = 0;
        if ((message.EsmClass & EsmClass.UdhIndicator) != 0)
        {
            var content = message.Content.Span;
            var length = UserDataHeader.GetLength(content);
            if (length > 0)
            {
                headerLength = length;
                if (UserDataHeader.TryGetConcatenation(content[..length], out info))
                {
                    return true;
                }
            }
        }

        if (message.SarMessageReference is { } reference && message.SarTotalSegments is { } total
            && message.SarSegmentSequenceNumber is { } sequence)
        {
            info = new ConcatenationInfo(ConcatenationMode.Sar, reference, total, sequence);
            return true;
        }

        return false;
    }
}
