using System.Buffers.Binary;
using System.Text;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Codec;

/// <summary>
/// Writes PDU fields into a span sized beforehand from the PDU's encoded length, so encoding never grows a
/// buffer and never allocates. Strings are written as Latin-1 octets (C-octet strings are ASCII on the wire).
/// </summary>
public ref struct PduWriter
{
    private readonly Span<byte> _span;
    private int _position;

    /// <summary>Creates a writer over the destination span.</summary>
    public PduWriter(Span<byte> destination)
    {
        _span = destination;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>Encoded size of a C-octet string: its characters plus the terminating NUL.</summary>
    public static int CStringSize(string? value) => (value?.Length ?? 0) + 1;

    /// <summary>Writes one octet.</summary>
    public void WriteByte(byte value) => _span[_position++] = value;

    /// <summary>Writes a big-endian 2-octet integer.</summary>
    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_span[_position..], value);
        _position += 2;
    }

    /// <summary>Writes a big-endian 4-octet integer.</summary>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_span[_position..], value);
        _position += 4;
    }

    /// <summary>Writes a C-octet string followed by its NUL.</summary>
    public void WriteCString(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _position += Encoding.Latin1.GetBytes(value, _span[_position..]);
        }

        _span[_position++] = 0;
    }

    /// <summary>Writes raw octets.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_span[_position..]);
        _position += value.Length;
    }

    /// <summary>Writes every TLV in order.</summary>
    public void WriteTlvs(TlvCollection? tlvs)
    {
        if (tlvs is null)
        {
            return;
        }

        // Indexed rather than foreach: Items is an IReadOnlyList, whose enumerator would be boxed on every encode.
        var items = tlvs.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var tlv = items[i];
            WriteUInt16((ushort)tlv.Tag);
            WriteUInt16((ushort)tlv.Value.Length);
            WriteBytes(tlv.Value.Span);
        }
    }
}
