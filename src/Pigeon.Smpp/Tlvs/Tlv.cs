namespace Pigeon.Smpp.Tlvs;

/// <summary>
/// One optional parameter as it travels (specification section 3.2.4.1):
/// <code>
/// offset size field
///   0     2   tag
///   2     2   length   of value, in octets
///   4     n   value
/// </code>
/// The value is kept raw so that a TLV this library does not know is written back exactly as received.
/// </summary>
public readonly record struct Tlv(TlvTag Tag, ReadOnlyMemory<byte> Value)
{
    /// <summary>Size of tag and length on the wire.</summary>
    public const int HeaderSize = 4;

    /// <summary>Encoded size, header included.</summary>
    public int EncodedLength => HeaderSize + Value.Length;

    /// <inheritdoc />
    public bool Equals(Tlv other) => Tag == other.Tag && Value.Span.SequenceEqual(other.Value.Span);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Tag);
        hash.AddBytes(Value.Span);
        return hash.ToHashCode();
    }
}
