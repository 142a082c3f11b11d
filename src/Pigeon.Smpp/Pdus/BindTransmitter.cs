using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>bind_transmitter (section 4.1.1).</summary>
public sealed class BindTransmitter : BindRequest
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.BindTransmitter;

    /// <inheritdoc />
    public override BindMode Mode => BindMode.Transmitter;

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new BindTransmitterResp();
}
