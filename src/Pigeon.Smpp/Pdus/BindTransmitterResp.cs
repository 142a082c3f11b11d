using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>bind_transmitter_resp.</summary>
public sealed class BindTransmitterResp : BindResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.BindTransmitterResp;
}
