using System.Buffers.Binary;

namespace Pigeon.Smpp.Receipts;

/// <summary>
/// The network_error_code TLV value (SMPP v3.4 section 5.3.2.31):
/// <code>
/// offset  size  field
///   0      1    network type   1 ANSI 136, 2 IS 95, 3 GSM, 4 ANSI 41, ...
///   1      2    error code     network specific, big-endian
/// </code>
/// </summary>
/// <param name="NetworkType">The network type octet.</param>
/// <param name="ErrorCode">The network's own error code.</param>
public readonly record struct NetworkErrorCode(byte NetworkType, ushort ErrorCode)
{
    /// <summary>Size of the TLV value.</summary>
    public const int Size = 3;

    /// <summary>The three value octets.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        bytes[0] = NetworkType;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1), ErrorCode);
        return bytes;
    }

    /// <summary>Reads a TLV value; null unless it is exactly three octets.</summary>
    public static NetworkErrorCode? FromBytes(ReadOnlySpan<byte> value) =>
        value.Length == Size ? new NetworkErrorCode(value[0], BinaryPrimitives.ReadUInt16BigEndian(value[1..])) : null;
}
