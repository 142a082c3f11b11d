using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// The body shared by bind_transmitter, bind_receiver and bind_transceiver (sections 4.1.1, 4.1.3, 4.1.5).
/// <code>
/// field              size
/// system_id          C ≤16
/// password           C ≤9
/// system_type        C ≤13
/// interface_version  1      0x34 for v3.4
/// addr_ton           1
/// addr_npi           1
/// address_range      C ≤41
/// </code>
/// </summary>
public abstract class BindRequest : RequestPdu
{
    /// <summary>interface_version of SMPP v3.4.</summary>
    public const byte Version34 = 0x34;

    /// <summary>The ESME's system_id (at most 15 characters).</summary>
    public string SystemId { get; set; } = string.Empty;

    /// <summary>The password (at most 8 characters).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>system_type, often empty.</summary>
    public string SystemType { get; set; } = string.Empty;

    /// <summary>interface_version: 0x34; 0x33 and 0x50 are accepted from peers too.</summary>
    public byte InterfaceVersion { get; set; } = Version34;

    /// <summary>addr_ton of the address range.</summary>
    public TypeOfNumber AddressTon { get; set; }

    /// <summary>addr_npi of the address range.</summary>
    public NumberingPlan AddressNpi { get; set; }

    /// <summary>address_range: the SME addresses served by this ESME (a regular expression), often empty.</summary>
    public string AddressRange { get; set; } = string.Empty;

    /// <summary>The session mode this bind asks for.</summary>
    public abstract BindMode Mode { get; }

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(SystemId)
        + PduWriter.CStringSize(Password)
        + PduWriter.CStringSize(SystemType)
        + 3 // interface_version, addr_ton, addr_npi
        + PduWriter.CStringSize(AddressRange);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(SystemId);
        writer.WriteCString(Password);
        writer.WriteCString(SystemType);
        writer.WriteByte(InterfaceVersion);
        writer.WriteByte((byte)AddressTon);
        writer.WriteByte((byte)AddressNpi);
        writer.WriteCString(AddressRange);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        SystemId = reader.ReadCString(FieldLimits.SystemId, CommandStatus.InvalidSystemId);
        Password = reader.ReadCString(FieldLimits.Password, CommandStatus.InvalidPassword);
        SystemType = reader.ReadCString(FieldLimits.SystemType, CommandStatus.InvalidSystemType);
        InterfaceVersion = reader.ReadByte();
        AddressTon = (TypeOfNumber)reader.ReadByte();
        AddressNpi = (NumberingPlan)reader.ReadByte();
        // No command_status names address_range; a bind that cannot be read fails as a bind.
        AddressRange = reader.ReadCString(FieldLimits.AddressRange, CommandStatus.BindFailed);
    }
}
