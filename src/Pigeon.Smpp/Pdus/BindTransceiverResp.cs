using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>bind_transceiver_resp.</summary>
public sealed class BindTransceiverResp : BindResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.BindTransceiverResp;
}
