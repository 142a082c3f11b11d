using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// alert_notification (section 4.12.1): the SMSC tells the ESME that a mobile it asked about (set_dpf) is
/// reachable again. No response exists.
/// <code>
/// field                   size
/// source_addr_ton         1
/// source_addr_npi         1
/// source_addr             C ≤65       the mobile now available
/// esme_addr_ton           1
/// esme_addr_npi           1
/// esme_addr               C ≤65       the ESME that requested the alert
/// ms_availability_status  TLV, 1      optional: 0 available, 1 denied, 2 unavailable
/// </code>
/// </summary>
public sealed class AlertNotification : RequestPdu
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.AlertNotification;

    /// <summary>The mobile station's address (at most 64 characters).</summary>
    public SmppAddress Source { get; set; } = SmppAddress.Empty;

    /// <summary>The address of the ESME that asked to be alerted (at most 64 characters).</summary>
    public SmppAddress EsmeAddress { get; set; } = SmppAddress.Empty;

    /// <summary>ms_availability_status TLV.</summary>
    public byte? MsAvailabilityStatus
    {
        get => TlvsOrNull?.GetByte(TlvTag.MsAvailabilityStatus);
        set => Tlvs.SetByte(TlvTag.MsAvailabilityStatus, value);
    }

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        SmppAddressField.Size(Source) + SmppAddressField.Size(EsmeAddress);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        SmppAddressField.Write(ref writer, Source);
        SmppAddressField.Write(ref writer, EsmeAddress);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        Source = SmppAddressField.Read(ref reader, FieldLimits.WideAddress, CommandStatus.InvalidSourceAddress);
        // esme_addr is where the alert is going, so a bad one is a bad destination.
        EsmeAddress = SmppAddressField.Read(ref reader, FieldLimits.WideAddress, CommandStatus.InvalidDestinationAddress);
    }

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new GenericNack();
}
