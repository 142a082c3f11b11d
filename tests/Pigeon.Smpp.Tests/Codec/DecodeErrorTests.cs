using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>
/// A malformed body decodes to the command_status the peer must be answered with (section 5.1.3), with the
/// header kept so the answer carries the right sequence number. C-octet maxima count the NUL, so a "Var. max 16"
/// field holds 15 characters and 16 are one too many.
/// </summary>
public sealed class DecodeErrorTests
{
    [Fact]
    public void Decode_reports_the_sequence_number_of_a_pdu_it_rejects()
    {
        var frame = Bind(systemId: new string('s', 16)).Frame(CommandId.BindTransmitter, sequence: 77);

        var result = PduAssert.FailsWith(CommandStatus.InvalidSystemId, frame);

        Assert.Equal(77u, result.Header.SequenceNumber);
        Assert.Equal(CommandId.BindTransmitter, result.Header.CommandId);
    }

    [Fact]
    public void Decode_accepts_a_system_id_of_15_characters()
    {
        var frame = Bind(systemId: new string('s', 15)).Frame(CommandId.BindTransmitter);

        Assert.Equal(new string('s', 15), PduAssert.Decodes<Pdus.BindTransmitter>(frame).SystemId);
    }

    [Fact]
    public void Decode_rejects_a_system_id_of_16_characters_with_ESME_RINVSYSID()
    {
        PduAssert.FailsWith(CommandStatus.InvalidSystemId, Bind(systemId: new string('s', 16)).Frame(CommandId.BindReceiver));
    }

    [Fact]
    public void Decode_rejects_an_over_long_outbind_system_id_with_ESME_RINVSYSID()
    {
        var frame = new FrameBuilder().CString(new string('s', 16)).CString("pw").Frame(CommandId.Outbind);

        PduAssert.FailsWith(CommandStatus.InvalidSystemId, frame);
    }

    [Fact]
    public void Decode_accepts_a_password_of_8_characters()
    {
        var frame = Bind(password: "12345678").Frame(CommandId.BindTransceiver);

        Assert.Equal("12345678", PduAssert.Decodes<Pdus.BindTransceiver>(frame).Password);
    }

    [Fact]
    public void Decode_rejects_a_password_of_9_characters_with_ESME_RINVPASWD()
    {
        PduAssert.FailsWith(CommandStatus.InvalidPassword, Bind(password: "123456789").Frame(CommandId.BindTransmitter));
    }

    [Fact]
    public void Decode_rejects_a_system_type_of_13_characters_with_ESME_RINVSYSTYP()
    {
        PduAssert.FailsWith(CommandStatus.InvalidSystemType, Bind(systemType: new string('t', 13)).Frame(CommandId.BindTransmitter));
    }

    [Fact]
    public void Decode_accepts_a_source_addr_of_20_characters()
    {
        var frame = SubmitSm(source: new string('1', 20)).Frame(CommandId.SubmitSm);

        Assert.Equal(new string('1', 20), PduAssert.Decodes<Pdus.SubmitSm>(frame).Source.Value);
    }

    [Fact]
    public void Decode_rejects_a_source_addr_of_21_characters_with_ESME_RINVSRCADR()
    {
        PduAssert.FailsWith(CommandStatus.InvalidSourceAddress, SubmitSm(source: new string('1', 21)).Frame(CommandId.SubmitSm));
    }

    [Fact]
    public void Decode_rejects_a_destination_addr_of_21_characters_with_ESME_RINVDSTADR()
    {
        PduAssert.FailsWith(CommandStatus.InvalidDestinationAddress, SubmitSm(destination: new string('1', 21)).Frame(CommandId.DeliverSm));
    }

    [Fact]
    public void Decode_rejects_a_service_type_of_6_characters_with_ESME_RINVSERTYP()
    {
        PduAssert.FailsWith(CommandStatus.InvalidServiceType, SubmitSm(serviceType: "ABCDEF").Frame(CommandId.SubmitSm));
    }

    [Fact]
    public void Decode_rejects_a_schedule_delivery_time_that_is_neither_empty_nor_16_characters()
    {
        PduAssert.FailsWith(CommandStatus.InvalidScheduledDeliveryTime, SubmitSm(schedule: "2401311200").Frame(CommandId.SubmitSm));
    }

    [Fact]
    public void Decode_rejects_sm_length_beyond_the_remaining_body_with_ESME_RINVMSGLEN()
    {
        var frame = SubmitSm(smLength: 10, shortMessage: [0x48, 0x69]).Frame(CommandId.SubmitSm);

        PduAssert.FailsWith(CommandStatus.InvalidMessageLength, frame);
    }

    [Fact]
    public void Decode_rejects_sm_length_of_255_with_ESME_RINVMSGLEN()
    {
        var frame = SubmitSm(smLength: 255, shortMessage: new byte[255]).Frame(CommandId.SubmitSm);

        PduAssert.FailsWith(CommandStatus.InvalidMessageLength, frame);
    }

    [Fact]
    public void Decode_rejects_a_known_tlv_of_the_wrong_length_with_ESME_RINVPARLEN()
    {
        // sar_msg_ref_num is two octets (section 5.3.2.22); three are sent.
        var frame = SubmitSm().UInt16(0x020C).UInt16(3).Bytes(0, 0, 1).Frame(CommandId.SubmitSm);

        PduAssert.FailsWith(CommandStatus.InvalidParameterLength, frame);
    }

    [Fact]
    public void Decode_rejects_a_tlv_longer_than_the_body_with_ESME_RINVPARLEN()
    {
        var frame = SubmitSm().UInt16(0x1401).UInt16(8).Bytes(1, 2).Frame(CommandId.SubmitSm);

        PduAssert.FailsWith(CommandStatus.InvalidParameterLength, frame);
    }

    [Fact]
    public void Decode_rejects_an_unknown_command_id_with_ESME_RINVCMDID()
    {
        var result = PduAssert.FailsWith(CommandStatus.InvalidCommandId, new FrameBuilder().Frame((CommandId)0x00000099, sequence: 12));

        Assert.Equal(12u, result.Header.SequenceNumber);
    }

    [Fact]
    public void Decode_rejects_255_destinations_with_ESME_RINVNUMDESTS()
    {
        var frame = new FrameBuilder().CString(string.Empty).Address("Pigeon").Byte(255).Frame(CommandId.SubmitMulti);

        PduAssert.FailsWith(CommandStatus.InvalidNumberOfDestinations, frame);
    }

    [Fact]
    public void Decode_rejects_an_undefined_dest_flag_with_ESME_RINVDESTFLAG()
    {
        var frame = new FrameBuilder().CString(string.Empty).Address("Pigeon").Byte(1).Byte(3).Address("1234").Frame(CommandId.SubmitMulti);

        PduAssert.FailsWith(CommandStatus.InvalidDestinationFlag, frame);
    }

    [Fact]
    public void Decode_rejects_a_distribution_list_name_of_21_characters_with_ESME_RINVDLNAME()
    {
        var frame = new FrameBuilder().CString(string.Empty).Address("Pigeon").Byte(1).Byte(2).CString(new string('d', 21)).Frame(CommandId.SubmitMulti);

        PduAssert.FailsWith(CommandStatus.InvalidDistributionListName, frame);
    }

    [Fact]
    public void Decode_rejects_a_message_id_of_65_characters_with_ESME_RINVMSGID()
    {
        var frame = new FrameBuilder().CString(new string('m', 65)).Address("Pigeon").Frame(CommandId.QuerySm);

        PduAssert.FailsWith(CommandStatus.InvalidMessageId, frame);
    }

    [Fact]
    public void Decode_accepts_a_data_sm_source_addr_of_64_characters()
    {
        var frame = DataSm(source: new string('1', 64)).Frame(CommandId.DataSm);

        Assert.Equal(new string('1', 64), PduAssert.Decodes<Pdus.DataSm>(frame).Source.Value);
    }

    [Fact]
    public void Decode_rejects_a_data_sm_source_addr_of_65_characters_with_ESME_RINVSRCADR()
    {
        PduAssert.FailsWith(CommandStatus.InvalidSourceAddress, DataSm(source: new string('1', 65)).Frame(CommandId.DataSm));
    }

    [Fact]
    public void Decode_rejects_a_body_that_ends_inside_a_field_with_ESME_RINVCMDLEN()
    {
        var frame = new FrameBuilder().CString("pigeon").Bytes(0x73, 0x65).Frame(CommandId.BindTransmitter);

        PduAssert.FailsWith(CommandStatus.InvalidCommandLength, frame);
    }

    private static FrameBuilder Bind(string systemId = "pigeon", string password = "secret", string systemType = "") =>
        new FrameBuilder().CString(systemId).CString(password).CString(systemType).Byte(0x34).Byte(1).Byte(1).CString(string.Empty);

    private static FrameBuilder SubmitSm(
        string serviceType = "",
        string source = "Pigeon",
        string destination = "447700900123",
        string schedule = "",
        byte? smLength = null,
        byte[]? shortMessage = null)
    {
        shortMessage ??= [];
        return new FrameBuilder()
            .CString(serviceType)
            .Address(source)
            .Address(destination)
            .Bytes(0, 0, 0)                 // esm_class, protocol_id, priority_flag
            .CString(schedule)
            .CString(string.Empty)          // validity_period
            .Bytes(0, 0, 0, 0)              // registered_delivery .. sm_default_msg_id
            .Byte(smLength ?? (byte)shortMessage.Length)
            .Bytes(shortMessage);
    }

    private static FrameBuilder DataSm(string source) =>
        new FrameBuilder().CString(string.Empty).Address(source).Address("1234").Bytes(0, 0, 0);
}
