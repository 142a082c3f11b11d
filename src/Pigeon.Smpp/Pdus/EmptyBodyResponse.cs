using Pigeon.Smpp.Codec;

namespace Pigeon.Smpp.Pdus;

/// <summary>Shared body codec for PDUs that are a header and nothing else.</summary>
public abstract class EmptyBodyResponse : ResponsePdu
{
    /// <inheritdoc />
    protected internal override int MandatoryBodyLength => 0;

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
    }
}
