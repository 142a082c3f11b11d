using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>bind_receiver (section 4.1.3).</summary>
public sealed class BindReceiver : BindRequest
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.BindReceiver;

    /// <inheritdoc />
    public override BindMode Mode => BindMode.Receiver;

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new BindReceiverResp();
}
