using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// The body shared by the three bind responses (sections 4.1.2, 4.1.4, 4.1.6), followed by optional parameters.
/// <code>
/// field                 size
/// system_id             C ≤16    the SMSC's id
/// sc_interface_version  TLV      optional, 1 octet
/// </code>
/// The body is omitted when command_status is not zero (4.1.2, 4.1.4; bind_transceiver_resp follows suit) and
/// decoded either way.
/// </summary>
public abstract class BindResponse : ResponsePdu
{
    /// <summary>The SMSC's system_id.</summary>
    public string SystemId { get; set; } = string.Empty;

    /// <summary>sc_interface_version TLV: the SMPP version the SMSC supports.</summary>
    public byte? ScInterfaceVersion
    {
        get => TlvsOrNull?.GetByte(TlvTag.ScInterfaceVersion);
        set => Tlvs.SetByte(TlvTag.ScInterfaceVersion, value);
    }

    /// <inheritdoc />
    protected internal override bool OmitsBody => CommandStatus != CommandStatus.Ok;

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength => PduWriter.CStringSize(SystemId);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer) => writer.WriteCString(SystemId);

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        if (ArrivedWithoutBody(reader))
        {
            return;
        }

        SystemId = reader.ReadCString(FieldLimits.SystemId, CommandStatus.InvalidSystemId);
    }
}
