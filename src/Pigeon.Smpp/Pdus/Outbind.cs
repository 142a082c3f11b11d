using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// outbind (section 4.1.7): the SMSC, having connected to the ESME, invites it to bind_receiver. No response
/// exists; the ESME answers by binding.
/// <code>
/// field      size
/// system_id  C ≤16   the SMSC's id
/// password   C ≤9
/// </code>
/// </summary>
public sealed class Outbind : RequestPdu
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.Outbind;

    /// <summary>The SMSC's system_id (at most 15 characters).</summary>
    public string SystemId { get; set; } = string.Empty;

    /// <summary>The password the ESME expects (at most 8 characters).</summary>
    public string Password { get; set; } = string.Empty;

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(SystemId) + PduWriter.CStringSize(Password);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(SystemId);
        writer.WriteCString(Password);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        SystemId = reader.ReadCString(FieldLimits.SystemId, CommandStatus.InvalidSystemId);
        Password = reader.ReadCString(FieldLimits.Password, CommandStatus.InvalidPassword);
    }

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new GenericNack();
}
