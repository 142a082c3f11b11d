using System.Buffers.Binary;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Hostile;

/// <summary>
/// The exact octets of one PDU, appended field by field as the specification lays them out; command_length is
/// filled in from what was appended unless a test overrides it to lie.
/// </summary>
internal sealed class WireFrame
{
    private readonly List<byte> _body = [];
    private readonly uint _commandId;
    private readonly uint _commandStatus;
    private readonly uint _sequenceNumber;
    private uint? _declaredLength;

    public WireFrame(CommandId commandId, uint sequenceNumber, CommandStatus commandStatus = CommandStatus.Ok)
        : this((uint)commandId, sequenceNumber, (uint)commandStatus)
    {
    }

    public WireFrame(uint commandId, uint sequenceNumber, uint commandStatus = 0)
    {
        _commandId = commandId;
        _sequenceNumber = sequenceNumber;
        _commandStatus = commandStatus;
    }

    /// <summary>Appends body octets exactly as given (C-octet strings include their NUL only if written).</summary>
    public WireFrame Octets(params ReadOnlySpan<byte> octets)
    {
        foreach (var octet in octets)
        {
            _body.Add(octet);
        }

        return this;
    }

    /// <summary>Appends <paramref name="count"/> copies of one octet.</summary>
    public WireFrame Repeat(byte octet, int count)
    {
        _body.AddRange(Enumerable.Repeat(octet, count));
        return this;
    }

    /// <summary>Writes this value as command_length instead of the true size.</summary>
    public WireFrame DeclaringLength(uint commandLength)
    {
        _declaredLength = commandLength;
        return this;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[PduHeader.Size + _body.Count];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, _declaredLength ?? (uint)bytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), _commandId);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), _commandStatus);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), _sequenceNumber);
        _body.CopyTo(bytes, PduHeader.Size);
        return bytes;
    }

    /// <summary>A bare 16-octet header with any command_length, true or not.</summary>
    public static byte[] Header(uint commandLength, CommandId commandId, uint sequenceNumber) =>
        new WireFrame(commandId, sequenceNumber).DeclaringLength(commandLength).ToArray();
}
