using Pigeon.Smpp.Codec;

namespace Pigeon.Smpp.Pdus;

/// <summary>Shared body codec for requests that are a header and nothing else (enquire_link, unbind).</summary>
public abstract class EmptyBodyRequest : RequestPdu
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
