using System.Buffers;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Fuzz;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using static Pigeon.Smpp.Tests.Hostile.ReferenceFrames;

namespace Pigeon.Smpp.Tests.Hostile;

/// <summary>
/// What <see cref="PduDecoder.Decode(ReadOnlySpan{byte})"/> answers for malformed frames and bodies: never an
/// exception, always the header (so the error can be answered with the right sequence number) and the
/// command_status of section 5.1.3 that names the fault.
/// </summary>
public sealed class DecoderHostileInputTests
{
    [Fact]
    public void The_reference_frames_decode_cleanly()
    {
        var bind = Assert.IsType<BindTransmitter>(PduDecoder.Decode(BindTransmitter()).Pdu);
        var submit = Assert.IsType<SubmitSm>(PduDecoder.Decode(SubmitSm()).Pdu);

        Assert.Equal(("SMPP3TEST", "secret08", "SUBMIT1"), (bind.SystemId, bind.Password, bind.SystemType));
        Assert.Equal(SmppAddress.Alphanumeric("Pigeon"), submit.Source);
        Assert.Equal(SmppAddress.International("447700900123"), submit.Destination);
        Assert.Equal(Hello, submit.ShortMessage.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(15)]
    public void A_frame_shorter_than_the_header_is_an_invalid_command_length(int size)
    {
        var result = PduDecoder.Decode(new byte[size]);

        Assert.Null(result.Pdu);
        Assert.Equal(CommandStatus.InvalidCommandLength, result.Error);
    }

    [Fact]
    public void A_command_length_that_disagrees_with_the_frame_size_is_an_invalid_command_length()
    {
        var frame = new WireFrame(CommandId.EnquireLink, 12).DeclaringLength(20).ToArray();

        var result = PduDecoder.Decode(frame);

        Assert.Equal(CommandStatus.InvalidCommandLength, result.Error);
        Assert.Equal(12u, result.Header.SequenceNumber);
    }

    [Theory]
    [InlineData(0x00000999u)]
    [InlineData(0x80000999u)]
    [InlineData(0x0000000Au)] // a gap in the section 5.1.2.1 table
    public void An_unknown_command_id_is_an_invalid_command_id_with_the_sequence_number_kept_for_generic_nack(uint commandId)
    {
        var frame = new WireFrame(commandId, 77).Octets(0x01, 0x02, 0x03).ToArray();

        var result = PduDecoder.Decode(frame);

        Assert.Null(result.Pdu);
        Assert.Equal(CommandStatus.InvalidCommandId, result.Error);
        Assert.Equal(77u, result.Header.SequenceNumber);
    }

    [Fact]
    public void Bind_system_id_without_a_nul_within_sixteen_octets_is_an_invalid_system_id()
    {
        var result = PduDecoder.Decode(BindTransmitter(systemId: [.. Unterminated(16), .. CString("")]));

        Assert.Equal(CommandStatus.InvalidSystemId, result.Error);
        Assert.Equal(1u, result.Header.SequenceNumber);
    }

    [Fact]
    public void Bind_system_id_of_fifteen_characters_is_the_longest_accepted()
    {
        var result = PduDecoder.Decode(BindTransmitter(systemId: CString("ABCDEFGHIJKLMNO")));

        Assert.Equal("ABCDEFGHIJKLMNO", Assert.IsType<BindTransmitter>(result.Pdu).SystemId);
    }

    [Fact]
    public void Bind_password_without_a_nul_within_nine_octets_is_an_invalid_password()
    {
        var result = PduDecoder.Decode(BindTransmitter(password: [.. Unterminated(9), .. CString("")]));

        Assert.Equal(CommandStatus.InvalidPassword, result.Error);
    }

    [Fact]
    public void Bind_system_type_without_a_nul_within_thirteen_octets_is_an_invalid_system_type()
    {
        var result = PduDecoder.Decode(BindTransmitter(systemType: [.. Unterminated(13), .. CString("")]));

        Assert.Equal(CommandStatus.InvalidSystemType, result.Error);
    }

    [Fact]
    public void Bind_response_system_id_without_a_nul_within_sixteen_octets_is_an_invalid_system_id()
    {
        var frame = new WireFrame(CommandId.BindTransmitterResp, 1).Octets(Unterminated(20)).Octets(0x00).ToArray();

        var result = PduDecoder.Decode(frame);

        Assert.Equal(CommandStatus.InvalidSystemId, result.Error);
    }

    [Fact]
    public void A_string_still_open_when_the_body_ends_is_an_invalid_command_length()
    {
        // system_id "SMPP3" with its NUL and every later field missing: the body ends inside the first field.
        var frame = new WireFrame(CommandId.BindTransmitter, 1).Octets("SMPP3"u8).ToArray();

        var result = PduDecoder.Decode(frame);

        Assert.Equal(CommandStatus.InvalidCommandLength, result.Error);
    }

    [Fact]
    public void A_string_whose_nul_lies_past_the_body_end_is_not_terminated_by_the_next_pdus_octets()
    {
        // The unterminated system_id is followed in the stream by enquire_link, whose first octet is 0x00.
        byte[] stream = [.. new WireFrame(CommandId.BindTransmitter, 1).Octets("SMPP3"u8).ToArray(), .. WireFrame.Header(16, CommandId.EnquireLink, 2)];
        var buffer = new ReadOnlySequence<byte>(stream);

        SmppFrameReader.TryReadFrame(ref buffer, SmppFrameReader.DefaultMaxCommandLength, out _, out var bind);
        SmppFrameReader.TryReadFrame(ref buffer, SmppFrameReader.DefaultMaxCommandLength, out _, out var enquireLink);

        Assert.Equal(CommandStatus.InvalidCommandLength, PduDecoder.Decode(bind).Error);
        Assert.IsType<EnquireLink>(PduDecoder.Decode(enquireLink).Pdu);
    }

    [Fact]
    public void Submit_service_type_without_a_nul_within_six_octets_is_an_invalid_service_type()
    {
        var result = PduDecoder.Decode(SubmitSm(serviceType: [.. Unterminated(6), .. CString("")]));

        Assert.Equal(CommandStatus.InvalidServiceType, result.Error);
        Assert.Equal(42u, result.Header.SequenceNumber);
    }

    [Fact]
    public void Submit_source_addr_without_a_nul_within_twenty_one_octets_is_an_invalid_source_address()
    {
        var result = PduDecoder.Decode(SubmitSm(sourceAddress: [.. Unterminated(21), .. CString("")]));

        Assert.Equal(CommandStatus.InvalidSourceAddress, result.Error);
    }

    [Fact]
    public void Submit_destination_addr_without_a_nul_within_twenty_one_octets_is_an_invalid_destination_address()
    {
        var result = PduDecoder.Decode(SubmitSm(destinationAddress: [.. Unterminated(21), .. CString("")]));

        Assert.Equal(CommandStatus.InvalidDestinationAddress, result.Error);
    }

    [Fact]
    public void Submit_schedule_delivery_time_without_a_nul_within_seventeen_octets_is_an_invalid_scheduled_delivery_time()
    {
        var result = PduDecoder.Decode(SubmitSm(scheduleDeliveryTime: [.. Unterminated(17), .. CString("")]));

        Assert.Equal(CommandStatus.InvalidScheduledDeliveryTime, result.Error);
    }

    [Fact]
    public void Submit_schedule_delivery_time_neither_empty_nor_sixteen_characters_is_an_invalid_scheduled_delivery_time()
    {
        var result = PduDecoder.Decode(SubmitSm(scheduleDeliveryTime: CString("2401011200")));

        Assert.Equal(CommandStatus.InvalidScheduledDeliveryTime, result.Error);
    }

    [Fact]
    public void Submit_validity_period_without_a_nul_within_seventeen_octets_is_an_invalid_expiry_time()
    {
        var result = PduDecoder.Decode(SubmitSm(validityPeriod: [.. Unterminated(17), .. CString("")]));

        Assert.Equal(CommandStatus.InvalidExpiryTime, result.Error);
    }

    [Fact]
    public void Submit_response_message_id_without_a_nul_within_sixty_five_octets_is_an_invalid_message_id()
    {
        var frame = new WireFrame(CommandId.SubmitSmResp, 42).Octets(Unterminated(65)).Octets(0x00).ToArray();

        var result = PduDecoder.Decode(frame);

        Assert.Equal(CommandStatus.InvalidMessageId, result.Error);
    }

    [Fact]
    public void An_sm_length_larger_than_the_octets_left_is_an_invalid_message_length()
    {
        var result = PduDecoder.Decode(SubmitSm(smLength: 6, shortMessage: Hello));

        Assert.Equal(CommandStatus.InvalidMessageLength, result.Error);
    }

    [Fact]
    public void An_sm_length_of_255_is_an_invalid_message_length_even_with_the_octets_present()
    {
        var result = PduDecoder.Decode(SubmitSm(smLength: 255, shortMessage: Unterminated(255)));

        Assert.Equal(CommandStatus.InvalidMessageLength, result.Error);
    }

    [Fact]
    public void A_submit_body_that_ends_before_sm_length_is_an_invalid_command_length()
    {
        var whole = SubmitSm();
        // Cut after registered_delivery: replace_if_present_flag, data_coding, sm_default_msg_id and sm_length are missing.
        var cut = whole.AsSpan(0, whole.Length - Hello.Length - 4).ToArray();
        cut[3] = (byte)cut.Length;

        var result = PduDecoder.Decode(cut);

        Assert.Equal(CommandStatus.InvalidCommandLength, result.Error);
    }

    [Fact]
    public void A_tlv_whose_length_runs_past_the_body_is_an_invalid_parameter_length()
    {
        // sc_interface_version (0x0210) claiming 9 octets with 1 present.
        var result = PduDecoder.Decode(BindTransceiverResp(0x02, 0x10, 0x00, 0x09, 0x34));

        Assert.Equal(CommandStatus.InvalidParameterLength, result.Error);
        Assert.Equal(0xC2u, (uint)result.Error); // ESME_RINVPARLEN
    }

    [Fact]
    public void A_tlv_of_unknown_tag_whose_length_runs_past_the_body_is_an_invalid_parameter_length()
    {
        var result = PduDecoder.Decode(BindTransceiverResp(0x77, 0x77, 0xFF, 0xFF, 0x00));

        Assert.Equal(CommandStatus.InvalidParameterLength, result.Error);
    }

    [Theory]
    [InlineData(new byte[] { 0x02 })]
    [InlineData(new byte[] { 0x02, 0x10 })]
    [InlineData(new byte[] { 0x02, 0x10, 0x00 })]
    public void A_tlv_header_cut_short_is_an_error_in_the_optional_part(byte[] optionalPart)
    {
        var result = PduDecoder.Decode(BindTransceiverResp(optionalPart));

        Assert.Equal(CommandStatus.InvalidOptionalPart, result.Error);
        Assert.Equal(0xC0u, (uint)result.Error); // ESME_RINVOPTPARSTREAM
    }

    [Fact]
    public void A_complete_tlv_followed_by_half_a_header_is_an_error_in_the_optional_part()
    {
        var result = PduDecoder.Decode(BindTransceiverResp(0x02, 0x10, 0x00, 0x01, 0x34, 0x00, 0x1E));

        Assert.Equal(CommandStatus.InvalidOptionalPart, result.Error);
    }

    [Fact]
    public void A_known_tlv_of_the_wrong_size_is_an_invalid_parameter_length()
    {
        // sc_interface_version is one octet (section 5.3.2.25); two are sent.
        var result = PduDecoder.Decode(BindTransceiverResp(0x02, 0x10, 0x00, 0x02, 0x34, 0x00));

        Assert.Equal(CommandStatus.InvalidParameterLength, result.Error);
    }

    [Fact]
    public void An_unknown_tlv_filling_the_body_exactly_is_kept_and_re_encoded_unchanged()
    {
        var frame = BindTransceiverResp(0x77, 0x77, 0x00, 0x02, 0xAB, 0xCD);

        var result = PduDecoder.Decode(frame);

        var resp = Assert.IsType<BindTransceiverResp>(result.Pdu);
        Assert.Equal([0xAB, 0xCD], resp.Tlvs.Items.Single().Value.ToArray());
        Assert.Equal(frame, PduEncoder.ToArray(resp));
    }

    [Fact]
    public void A_frame_larger_than_the_stack_copy_limit_spread_over_segments_decodes_like_a_contiguous_one()
    {
        // message_payload (0x0424) of 600 octets pushes the frame past the decoder's 512-octet stack copy.
        byte[] payload = [0x04, 0x24, 0x02, 0x58, .. Enumerable.Repeat((byte)'x', 600)];
        var frame = SubmitSm(smLength: 0, shortMessage: [], tlvs: payload);
        var segmented = MemorySegment.ToSequence(MemorySegment.Chain(frame, [7, 100, 300, 13]));

        var fromSegments = PduDecoder.Decode(segmented);

        var submit = Assert.IsType<SubmitSm>(fromSegments.Pdu);
        Assert.Equal(600, submit.MessagePayload!.Value.Length);
        Assert.Equal(frame, PduEncoder.ToArray(submit));
    }

    [Fact]
    public void A_short_frame_spread_over_segments_decodes_like_a_contiguous_one()
    {
        var frame = SubmitSm();
        var segmented = MemorySegment.ToSequence(MemorySegment.Chain(frame, Enumerable.Repeat(1, frame.Length)));

        var fromSegments = PduDecoder.Decode(segmented);

        Assert.Equal(frame, PduEncoder.ToArray(Assert.IsType<SubmitSm>(fromSegments.Pdu)));
    }
}
