using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// A protocol data unit: the header fields every PDU shares, its optional parameters, and the body codec each
/// concrete PDU supplies. Concrete PDUs compute their body size first and write into a span of exactly that
/// size, which is what lets <see cref="PduEncoder"/> encode without allocating.
/// </summary>
public abstract class Pdu
{
    private TlvCollection? _tlvs;

    /// <summary>The command this PDU carries.</summary>
    public abstract CommandId CommandId { get; }

    /// <summary>command_status: zero in requests; the outcome in responses.</summary>
    public CommandStatus CommandStatus { get; set; }

    /// <summary>sequence_number: set by the session when the PDU is sent; a response echoes its request's.</summary>
    public uint SequenceNumber { get; set; }

    /// <summary>The optional parameters, created on first use.</summary>
    public TlvCollection Tlvs => _tlvs ??= new TlvCollection();

    /// <summary>True if any optional parameter is present (without creating the collection).</summary>
    public bool HasTlvs => _tlvs is { Count: > 0 };

    /// <summary>The collection if one exists, for codec code that must not allocate.</summary>
    internal TlvCollection? TlvsOrNull => _tlvs;

    /// <summary>Encoded size of the mandatory body fields, TLVs excluded.</summary>
    protected internal abstract int MandatoryBodyLength { get; }

    /// <summary>Writes the mandatory body fields.</summary>
    protected internal abstract void WriteMandatoryBody(ref PduWriter writer);

    /// <summary>Reads the mandatory body fields; failures are recorded on the reader.</summary>
    protected internal abstract void ReadMandatoryBody(ref PduReader reader);

    /// <summary>
    /// True when this PDU is sent as a bare header: the specification omits the body of most responses whose
    /// command_status is not zero (e.g. submit_sm_resp, section 4.4.2).
    /// </summary>
    protected internal virtual bool OmitsBody => false;

    /// <summary>Encoded size of the whole PDU, header included.</summary>
    public int EncodedLength =>
        PduHeader.Size + (OmitsBody ? 0 : MandatoryBodyLength + (_tlvs?.EncodedLength ?? 0));

    internal void SetTlvs(TlvCollection? tlvs) => _tlvs = tlvs;

    /// <inheritdoc />
    public override string ToString() => $"{CommandId} seq={SequenceNumber} status={CommandStatus}";
}
