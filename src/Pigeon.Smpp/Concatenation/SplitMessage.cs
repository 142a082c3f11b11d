using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Concatenation;

/// <summary>
/// The parts <see cref="MessageSplitter"/> produced, ready to be applied to submit_sm (or any request sharing its
/// body): each part's octets as they go in short_message, user data header included, or in message_payload.
/// </summary>
public sealed class SplitMessage
{
    private readonly ReadOnlyMemory<byte>[] _parts;

    internal SplitMessage(ConcatenationMode mode, DataCoding dataCoding, ushort reference, ReadOnlyMemory<byte>[] parts, bool isConcatenated, bool usesMessagePayload)
    {
        Mode = mode;
        DataCoding = dataCoding;
        Reference = reference;
        _parts = parts;
        IsConcatenated = isConcatenated;
        UsesMessagePayload = usesMessagePayload;
    }

    /// <summary>The mode asked for; it only shows in the PDUs when <see cref="IsConcatenated"/> or <see cref="UsesMessagePayload"/>.</summary>
    public ConcatenationMode Mode { get; }

    /// <summary>The data_coding every part is sent with.</summary>
    public DataCoding DataCoding { get; }

    /// <summary>The concatenation reference the caller supplied.</summary>
    public ushort Reference { get; }

    /// <summary>Each part's octets: short_message (with its header for the UDH modes) or the message_payload value.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Parts => _parts;

    /// <summary>True when there are several parts tied by a header or SAR TLVs; false for one plain or payload message.</summary>
    public bool IsConcatenated { get; }

    /// <summary>True when the single part goes in message_payload with short_message left empty.</summary>
    public bool UsesMessagePayload { get; }

    /// <summary>
    /// Writes part <paramref name="index"/> into <paramref name="request"/>: data_coding, short_message or
    /// message_payload, esm_class UDHI (set for the UDH modes, cleared otherwise) and the SAR TLVs (set for
    /// <see cref="ConcatenationMode.Sar"/>, removed otherwise). Other fields are left as they are.
    /// </summary>
    public void ApplyTo(ShortMessageRequest request, int index)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _parts.Length);

        var part = _parts[index];
        request.DataCoding = DataCoding.Value;
        if (UsesMessagePayload)
        {
            request.ShortMessage = ReadOnlyMemory<byte>.Empty;
            request.MessagePayload = part;
        }
        else
        {
            request.ShortMessage = part;
            if (request.HasTlvs)
            {
                request.MessagePayload = null;
            }
        }

        var udh = IsConcatenated && Mode is ConcatenationMode.UdhReference8 or ConcatenationMode.UdhReference16;
        request.EsmClass = udh ? request.EsmClass | EsmClass.UdhIndicator : request.EsmClass & ~EsmClass.UdhIndicator;

        if (IsConcatenated && Mode == ConcatenationMode.Sar)
        {
            request.SarMessageReference = Reference;
            request.SarTotalSegments = (byte)_parts.Length;
            request.SarSegmentSequenceNumber = (byte)(index + 1);
        }
        else if (request.HasTlvs)
        {
            request.SarMessageReference = null;
            request.SarTotalSegments = null;
            request.SarSegmentSequenceNumber = null;
        }
    }

    /// <summary>
    /// One submit_sm per part. <paramref name="configure"/> runs first on each (addresses, registered_delivery,
    /// ...); the part is applied after it.
    /// </summary>
    public IReadOnlyList<SubmitSm> ToSubmitSm(Action<SubmitSm>? configure = null)
    {
        var pdus = new SubmitSm[_parts.Length];
        for (var i = 0; i < pdus.Length; i++)
        {
            var pdu = new SubmitSm();
            configure?.Invoke(pdu);
            ApplyTo(pdu, i);
            pdus[i] = pdu;
        }

        return pdus;
    }
}
