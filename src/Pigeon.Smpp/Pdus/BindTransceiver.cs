using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>bind_transceiver (section 4.1.5).</summary>
public sealed class BindTransceiver : BindRequest
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.BindTransceiver;

    /// <inheritdoc />
    public override BindMode Mode => BindMode.Transceiver;

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new BindTransceiverResp();
}
