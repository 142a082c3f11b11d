using System.Buffers.Binary;
using System.Text;

namespace Pigeon.Smpp.Tlvs;

/// <summary>
/// The optional parameters of one PDU, in wire order. Typed properties on the PDU classes read and write through
/// this collection, so known and unknown TLVs share one lossless store and a decoded PDU re-encodes byte for byte.
/// Setting a value replaces an existing TLV of the same tag in place; setting <c>null</c> removes it.
/// </summary>
public sealed class TlvCollection : IEquatable<TlvCollection>
{
    private readonly List<Tlv> _items = [];

    /// <summary>Number of TLVs.</summary>
    public int Count => _items.Count;

    /// <summary>The TLVs in wire order.</summary>
    public IReadOnlyList<Tlv> Items => _items;

    /// <summary>Total encoded size of every TLV.</summary>
    public int EncodedLength
    {
        get
        {
            var length = 0;
            foreach (var tlv in _items)
            {
                length += tlv.EncodedLength;
            }

            return length;
        }
    }

    /// <summary>Appends a TLV as received, even if its tag repeats.</summary>
    public void Add(Tlv tlv) => _items.Add(tlv);

    /// <summary>Adds or replaces the TLV with this tag.</summary>
    public void Set(TlvTag tag, ReadOnlyMemory<byte> value)
    {
        var index = IndexOf(tag);
        if (index >= 0)
        {
            _items[index] = new Tlv(tag, value);
        }
        else
        {
            _items.Add(new Tlv(tag, value));
        }
    }

    /// <summary>Removes every TLV with this tag; true if one was there.</summary>
    public bool Remove(TlvTag tag) => _items.RemoveAll(t => t.Tag == tag) > 0;

    /// <summary>Removes all TLVs.</summary>
    public void Clear() => _items.Clear();

    /// <summary>True if a TLV with this tag is present.</summary>
    public bool Contains(TlvTag tag) => IndexOf(tag) >= 0;

    /// <summary>The first TLV with this tag.</summary>
    public bool TryGet(TlvTag tag, out ReadOnlyMemory<byte> value)
    {
        var index = IndexOf(tag);
        value = index >= 0 ? _items[index].Value : default;
        return index >= 0;
    }

    /// <summary>A one-octet integer value, or null when absent or of the wrong size.</summary>
    public byte? GetByte(TlvTag tag) =>
        TryGet(tag, out var v) && v.Length == 1 ? v.Span[0] : null;

    /// <summary>A two-octet big-endian integer value, or null when absent or of the wrong size.</summary>
    public ushort? GetUInt16(TlvTag tag) =>
        TryGet(tag, out var v) && v.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(v.Span) : null;

    /// <summary>A four-octet big-endian integer value, or null when absent or of the wrong size.</summary>
    public uint? GetUInt32(TlvTag tag) =>
        TryGet(tag, out var v) && v.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(v.Span) : null;

    /// <summary>A C-octet string value without its terminating NUL, or null when absent.</summary>
    public string? GetCString(TlvTag tag)
    {
        if (!TryGet(tag, out var v))
        {
            return null;
        }

        var span = v.Span;
        var end = span.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end >= 0 ? span[..end] : span);
    }

    /// <summary>Sets or removes (null) a one-octet integer TLV.</summary>
    public void SetByte(TlvTag tag, byte? value)
    {
        if (value is null)
        {
            Remove(tag);
            return;
        }

        Set(tag, new[] { value.Value });
    }

    /// <summary>Sets or removes (null) a two-octet integer TLV.</summary>
    public void SetUInt16(TlvTag tag, ushort? value)
    {
        if (value is null)
        {
            Remove(tag);
            return;
        }

        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value.Value);
        Set(tag, bytes);
    }

    /// <summary>Sets or removes (null) a four-octet integer TLV.</summary>
    public void SetUInt32(TlvTag tag, uint? value)
    {
        if (value is null)
        {
            Remove(tag);
            return;
        }

        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value.Value);
        Set(tag, bytes);
    }

    /// <summary>Sets or removes (null) a C-octet string TLV; the terminating NUL is added.</summary>
    public void SetCString(TlvTag tag, string? value)
    {
        if (value is null)
        {
            Remove(tag);
            return;
        }

        var bytes = new byte[value.Length + 1];
        Encoding.Latin1.GetBytes(value, bytes);
        Set(tag, bytes);
    }

    /// <summary>Sets or removes (null) an octet-string TLV.</summary>
    public void SetBytes(TlvTag tag, ReadOnlyMemory<byte>? value)
    {
        if (value is null)
        {
            Remove(tag);
            return;
        }

        Set(tag, value.Value);
    }

    private int IndexOf(TlvTag tag)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i].Tag == tag)
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public bool Equals(TlvCollection? other) =>
        other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TlvCollection);

    /// <inheritdoc />
    public override int GetHashCode() => _items.Count;
}
