using System.Buffers.Binary;
using System.Text;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Codec;

/// <summary>
/// Reads PDU body fields from a span. It never throws on bad input: the first failure is recorded in
/// <see cref="Error"/>, later reads return defaults, and the decoder turns the error into the command_status
/// the peer receives. This keeps hostile input on a cheap path with no exceptions.
/// </summary>
public ref struct PduReader
{
    private readonly ReadOnlySpan<byte> _span;
    private int _position;

    /// <summary>Creates a reader over a PDU body (the bytes after the 16-byte header).</summary>
    public PduReader(ReadOnlySpan<byte> body)
    {
        _span = body;
        _position = 0;
        Error = CommandStatus.Ok;
    }

    /// <summary>The first error met, or <see cref="CommandStatus.Ok"/>.</summary>
    public CommandStatus Error { get; private set; }

    /// <summary>Bytes left to read.</summary>
    public readonly int Remaining => _span.Length - _position;

    /// <summary>True while no error has been met.</summary>
    public readonly bool Ok => Error == CommandStatus.Ok;

    /// <summary>Records an error unless one is already recorded.</summary>
    public void Fail(CommandStatus status)
    {
        if (Error == CommandStatus.Ok)
        {
            Error = status;
        }
    }

    /// <summary>Reads one octet.</summary>
    public byte ReadByte()
    {
        if (!Ok || Remaining < 1)
        {
            Fail(CommandStatus.InvalidCommandLength);
            return 0;
        }

        return _span[_position++];
    }

    /// <summary>Reads a big-endian 2-octet integer.</summary>
    public ushort ReadUInt16()
    {
        if (!Ok || Remaining < 2)
        {
            Fail(CommandStatus.InvalidCommandLength);
            return 0;
        }

        var value = BinaryPrimitives.ReadUInt16BigEndian(_span[_position..]);
        _position += 2;
        return value;
    }

    /// <summary>Reads a big-endian 4-octet integer.</summary>
    public uint ReadUInt32()
    {
        if (!Ok || Remaining < 4)
        {
            Fail(CommandStatus.InvalidCommandLength);
            return 0;
        }

        var value = BinaryPrimitives.ReadUInt32BigEndian(_span[_position..]);
        _position += 4;
        return value;
    }

    /// <summary>
    /// Reads a C-octet string whose size, terminating NUL included, is at most <paramref name="maxSize"/> as the
    /// specification gives it (e.g. 16 for system_id). A string with no NUL within that bound fails with
    /// <paramref name="error"/>, or with ESME_RINVCMDLEN when the body ends first.
    /// </summary>
    public string ReadCString(int maxSize, CommandStatus error)
    {
        if (!Ok)
        {
            return string.Empty;
        }

        var window = _span.Slice(_position, Math.Min(maxSize, Remaining));
        var end = window.IndexOf((byte)0);
        if (end < 0)
        {
            Fail(window.Length < maxSize ? CommandStatus.InvalidCommandLength : error);
            return string.Empty;
        }

        _position += end + 1;
        return end == 0 ? string.Empty : Encoding.Latin1.GetString(window[..end]);
    }

    /// <summary>
    /// Reads a C-octet string that must be either empty or exactly <paramref name="length"/> characters long
    /// (the absolute or relative time format of section 7.1.1 is 16 characters plus NUL).
    /// </summary>
    public string ReadFixedOrEmptyCString(int length, CommandStatus error)
    {
        var value = ReadCString(length + 1, error);
        if (Ok && value.Length != 0 && value.Length != length)
        {
            Fail(error);
            return string.Empty;
        }

        return value;
    }

    /// <summary>Reads <paramref name="count"/> octets into a new array.</summary>
    public byte[] ReadBytes(int count)
    {
        if (!Ok || count > Remaining)
        {
            Fail(CommandStatus.InvalidCommandLength);
            return [];
        }

        if (count == 0)
        {
            return [];
        }

        var bytes = _span.Slice(_position, count).ToArray();
        _position += count;
        return bytes;
    }

    /// <summary>
    /// Reads every remaining octet as TLVs. One array holds all values, each TLV a slice of it, so a PDU with
    /// optional parameters costs one allocation for them. A TLV whose length runs past the body fails with
    /// ESME_RINVPARLEN; a known TLV of the wrong size fails the same way.
    /// </summary>
    public TlvCollection? ReadTlvs()
    {
        if (!Ok || Remaining == 0)
        {
            return null;
        }

        var block = _span[_position..].ToArray();
        var memory = block.AsMemory();
        var tlvs = new TlvCollection();
        var offset = 0;
        while (offset < block.Length)
        {
            if (block.Length - offset < Tlv.HeaderSize)
            {
                Fail(CommandStatus.InvalidOptionalPart);
                return null;
            }

            var tag = (TlvTag)BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(offset));
            int length = BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(offset + 2));
            offset += Tlv.HeaderSize;
            if (length > block.Length - offset || !TlvSizes.IsValid(tag, length))
            {
                Fail(CommandStatus.InvalidParameterLength);
                return null;
            }

            tlvs.Add(new Tlv(tag, memory.Slice(offset, length)));
            offset += length;
        }

        _position = _span.Length;
        return tlvs;
    }
}
