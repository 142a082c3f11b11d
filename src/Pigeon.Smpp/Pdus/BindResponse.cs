using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// The body shared by the three bind responses (sections 4.1.2, 4.1.4, 4.1.6): the SMSC's system_id (C ≤16)
/// and the optional sc_interface_version TLV. The body is omitted when command_status is not zero.
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
        if (reader.Remaining == 0 && CommandStatus != CommandStatus.Ok)
        {
            return;
        }

        SystemId = reader.ReadCString(16, CommandStatus.InvalidSystemId);
    }
}
