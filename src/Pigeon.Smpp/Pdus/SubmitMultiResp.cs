using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// submit_multi_resp (section 4.5.2).
/// <code>
/// field          size
/// message_id     C ≤65
/// no_unsuccess   1       0..254
/// unsuccess_sme  var     no_unsuccess times, see <see cref="UnsuccessfulSme"/>
/// </code>
/// The specification keeps this body in error responses; a bare error header from a peer still decodes.
/// </summary>
public sealed class SubmitMultiResp : ResponsePdu
{
    private readonly List<UnsuccessfulSme> _unsuccessful = [];

    /// <inheritdoc />
    public override CommandId CommandId => CommandId.SubmitMultiResp;

    /// <summary>The SMSC's id for the message.</summary>
    public string MessageId { get; set; } = string.Empty;

    /// <summary>The destinations the SMSC did not accept, each with its error; empty when all were accepted.</summary>
    public IList<UnsuccessfulSme> UnsuccessfulSmes => _unsuccessful;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">More than 254 unsuccessful destinations.</exception>
    protected internal override int MandatoryBodyLength
    {
        get
        {
            if (_unsuccessful.Count > FieldLimits.Destinations)
            {
                throw new InvalidOperationException($"submit_multi_resp lists at most {FieldLimits.Destinations} destinations; this one has {_unsuccessful.Count}.");
            }

            var length = PduWriter.CStringSize(MessageId) + 1;
            foreach (var sme in _unsuccessful)
            {
                length += SmppAddressField.Size(sme.Address) + 4;
            }

            return length;
        }
    }

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(MessageId);
        writer.WriteByte((byte)_unsuccessful.Count);
        foreach (var sme in _unsuccessful)
        {
            SmppAddressField.Write(ref writer, sme.Address);
            writer.WriteUInt32((uint)sme.ErrorStatusCode);
        }
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        _unsuccessful.Clear();
        if (ArrivedWithoutBody(reader))
        {
            return;
        }

        MessageId = reader.ReadCString(FieldLimits.MessageId, CommandStatus.InvalidMessageId);
        int count = reader.ReadByte();
        if (count > FieldLimits.Destinations)
        {
            reader.Fail(CommandStatus.InvalidNumberOfDestinations);
            return;
        }

        for (var i = 0; i < count && reader.Ok; i++)
        {
            var address = SmppAddressField.Read(ref reader, FieldLimits.Address, CommandStatus.InvalidDestinationAddress);
            var error = (CommandStatus)reader.ReadUInt32();
            if (reader.Ok)
            {
                _unsuccessful.Add(new UnsuccessfulSme(address, error));
            }
        }
    }
}
