using System.Buffers.Binary;
using System.Text;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>
/// Builds malformed frames for decode-error tests, where spelling every octet by hand would hide the one field
/// that is wrong. The specification vectors in the per-PDU tests are written out in full instead.
/// </summary>
internal sealed class FrameBuilder
{
    private readonly List<byte> _body = [];

    public FrameBuilder Byte(byte value)
    {
        _body.Add(value);
        return this;
    }

    public FrameBuilder Bytes(params byte[] values)
    {
        _body.AddRange(values);
        return this;
    }

    public FrameBuilder UInt16(ushort value) => Bytes((byte)(value >> 8), (byte)value);

    /// <summary>The characters of <paramref name="value"/> followed by a NUL.</summary>
    public FrameBuilder CString(string value)
    {
        _body.AddRange(Encoding.Latin1.GetBytes(value));
        _body.Add(0);
        return this;
    }

    /// <summary>Address fields: ton, npi, then the address as a C-octet string.</summary>
    public FrameBuilder Address(string value) => Byte(1).Byte(1).CString(value);

    public byte[] Frame(CommandId id, uint sequence = 1, CommandStatus status = CommandStatus.Ok)
    {
        var frame = new byte[16 + _body.Count];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)frame.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)id);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), (uint)status);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(12), sequence);
        _body.CopyTo(frame, 16);
        return frame;
    }
}
