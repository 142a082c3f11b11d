using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// data_sm (section 4.7.1): a message in either direction whose content travels in message_payload, used for
/// interactive and WAP traffic and, by some SMSCs, for delivery receipts.
/// <code>
/// field                size
/// service_type         C ≤6
/// source_addr_ton      1
/// source_addr_npi      1
/// source_addr          C ≤65
/// dest_addr_ton        1
/// dest_addr_npi        1
/// destination_addr     C ≤65
/// esm_class            1
/// registered_delivery  1
/// data_coding          1
/// (optional parameters: message_payload, sar_*, ports, receipted_message_id, message_state, ...)
/// </code>
/// </summary>
public sealed class DataSm : MessageRequest
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.DataSm;

    /// <summary>dest_addr_ton, dest_addr_npi and destination_addr (at most 64 characters).</summary>
    public SmppAddress Destination { get; set; } = SmppAddress.Empty;

    /// <summary>True when esm_class marks this data_sm as an SMSC delivery receipt.</summary>
    public bool IsDeliveryReceipt => EsmClassMessageType.IsDeliveryReceipt(EsmClass);

    /// <summary>receipted_message_id TLV: the SMSC message id a receipt is for.</summary>
    public string? ReceiptedMessageId
    {
        get => TlvsOrNull?.GetCString(TlvTag.ReceiptedMessageId);
        set => Tlvs.SetCString(TlvTag.ReceiptedMessageId, value);
    }

    /// <summary>message_state TLV: the final state a receipt reports.</summary>
    public MessageState? MessageState
    {
        get => (MessageState?)TlvsOrNull?.GetByte(TlvTag.MessageState);
        set => Tlvs.SetByte(TlvTag.MessageState, (byte?)value);
    }

    /// <summary>network_error_code TLV: network type (1 octet) and error code (2 octets).</summary>
    public ReadOnlyMemory<byte>? NetworkErrorCode
    {
        get => OctetStringTlv.Get(TlvsOrNull, TlvTag.NetworkErrorCode);
        set => Tlvs.SetBytes(TlvTag.NetworkErrorCode, value);
    }

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(ServiceType)
        + SmppAddressField.Size(Source)
        + SmppAddressField.Size(Destination)
        + 3; // esm_class, registered_delivery, data_coding

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(ServiceType);
        SmppAddressField.Write(ref writer, Source);
        SmppAddressField.Write(ref writer, Destination);
        writer.WriteByte((byte)EsmClass);
        writer.WriteByte((byte)RegisteredDelivery);
        writer.WriteByte(DataCoding);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        ServiceType = reader.ReadCString(FieldLimits.ServiceType, CommandStatus.InvalidServiceType);
        Source = SmppAddressField.Read(ref reader, FieldLimits.WideAddress, CommandStatus.InvalidSourceAddress);
        Destination = SmppAddressField.Read(ref reader, FieldLimits.WideAddress, CommandStatus.InvalidDestinationAddress);
        EsmClass = (EsmClass)reader.ReadByte();
        RegisteredDelivery = (RegisteredDelivery)reader.ReadByte();
        DataCoding = reader.ReadByte();
    }

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new DataSmResp();
}
