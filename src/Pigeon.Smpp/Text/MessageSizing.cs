namespace Pigeon.Smpp.Text;

/// <summary>
/// How much room a text takes as SMS: the alphabet, how many segments it needs and how full the last one is.
/// Units are septets for <see cref="SmsEncoding.Gsm7"/> (an extension character counts two), UTF-16 code units for
/// <see cref="SmsEncoding.Ucs2"/>, octets otherwise. An escape pair or a surrogate pair is never split, so a
/// segment may end a unit short of <see cref="UnitsPerSegment"/>.
/// </summary>
/// <param name="Encoding">The alphabet the text is counted in.</param>
/// <param name="Segments">Segments needed: 1 when the text fits a single message, else the concatenated parts.</param>
/// <param name="UnitsUsed">Units the whole text encodes to.</param>
/// <param name="UnitsPerSegment">Capacity of each segment: 160/70/140 for a single message, less the concatenation header for parts.</param>
/// <param name="UnitsLeftInLastSegment">Units that could still be added to the last segment.</param>
public readonly record struct MessageSizing(
    SmsEncoding Encoding,
    int Segments,
    int UnitsUsed,
    int UnitsPerSegment,
    int UnitsLeftInLastSegment);
