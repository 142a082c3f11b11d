using System.Collections.Concurrent;
using System.Globalization;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;
using Pigeon.Smpp.Server;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Interop;

/// <summary>
/// The smallest useful SMSC on <see cref="SmppServer"/>: binds one system_id/password, answers submit_sm with
/// sequential ids and sends a DELIVRD receipt back on the same session once the response is on its way.
/// It keeps what it received so tests can check the decoded text.
/// </summary>
internal sealed class ReceiptingTestSmsc(string systemId, string password) : ISmppServerHandler
{
    private long _nextId = 1000;

    public ConcurrentQueue<string> Texts { get; } = new();

    public ConcurrentQueue<byte> InterfaceVersions { get; } = new();

    public ConcurrentQueue<CommandStatus> ReceiptResponses { get; } = new();

    public ValueTask<CommandStatus> AuthenticateAsync(SmppServerSession session, BindRequest bind, CancellationToken cancellationToken)
    {
        InterfaceVersions.Enqueue(bind.InterfaceVersion);
        if (bind.SystemId != systemId)
        {
            return ValueTask.FromResult(CommandStatus.InvalidSystemId);
        }

        return ValueTask.FromResult(bind.Password == password ? CommandStatus.Ok : CommandStatus.InvalidPassword);
    }

    public ValueTask<ResponsePdu?> HandleAsync(SmppServerSession session, RequestPdu request, CancellationToken cancellationToken)
    {
        if (request is not SubmitSm submit)
        {
            return ValueTask.FromResult<ResponsePdu?>(request.CreateResponse(CommandStatus.InvalidCommandId));
        }

        Texts.Enqueue(SmsText.Decode(new DataCoding(submit.DataCoding), submit.Content.Span));
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var response = (SubmitSmResp)submit.CreateResponse();
        response.MessageId = id;
        if (((byte)submit.RegisteredDelivery & 0x03) == 0x01)
        {
            var receipt = new DeliveryReceipt
            {
                MessageId = id,
                SubmitDate = DateTime.UtcNow,
                DoneDate = DateTime.UtcNow,
                State = MessageState.Delivered,
            }.ToDeliverSm(submit.Destination, submit.Source);
            _ = SendReceiptAsync(session, receipt);
        }

        return ValueTask.FromResult<ResponsePdu?>(response);
    }

    private async Task SendReceiptAsync(SmppServerSession session, DeliverSm receipt)
    {
        var response = await session.SendAsync(receipt);
        ReceiptResponses.Enqueue(response.CommandStatus);
    }
}
