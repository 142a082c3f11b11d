using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>Reads an octet-string TLV (message_payload, network_error_code, ...) for the typed PDU properties.</summary>
internal static class OctetStringTlv
{
    /// <summary>
    /// The value, or null when the TLV is absent. Spelled out because <c>found ? value : null</c> would turn the
    /// null into an empty <see cref="ReadOnlyMemory{T}"/> through its implicit conversion from arrays.
    /// </summary>
    public static ReadOnlyMemory<byte>? Get(TlvCollection? tlvs, TlvTag tag)
    {
        if (tlvs is not null && tlvs.TryGet(tag, out var value))
        {
            return value;
        }

        return null;
    }
}
