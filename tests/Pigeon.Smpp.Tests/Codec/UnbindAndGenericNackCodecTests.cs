using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>unbind and unbind_resp (section 4.2) and generic_nack (section 4.3): header-only PDUs.</summary>
public sealed class UnbindAndGenericNackCodecTests
{
    // Section 4.2.1.
    private static readonly byte[] UnbindVector =
    [
        0x00, 0x00, 0x00, 0x10,                         // command_length 16
        0x00, 0x00, 0x00, 0x06,                         // command_id unbind
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x05,                         // sequence_number 5
    ];

    // Section 4.2.2.
    private static readonly byte[] UnbindRespVector =
    [
        0x00, 0x00, 0x00, 0x10,                         // command_length 16
        0x80, 0x00, 0x00, 0x06,                         // command_id unbind_resp
        0x00, 0x00, 0x00, 0x00,                         // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x05,                         // sequence_number 5
    ];

    // Section 4.3.1: the answer to a PDU whose command_id is unknown.
    private static readonly byte[] GenericNackVector =
    [
        0x00, 0x00, 0x00, 0x10,                         // command_length 16
        0x80, 0x00, 0x00, 0x00,                         // command_id generic_nack
        0x00, 0x00, 0x00, 0x03,                         // command_status ESME_RINVCMDID
        0x00, 0x00, 0x00, 0x09,                         // sequence_number 9
    ];

    [Fact]
    public void Encode_unbind_is_a_bare_header()
    {
        Assert.Equal(UnbindVector, PduEncoder.ToArray(new Unbind { SequenceNumber = 5 }));
    }

    [Fact]
    public void Decode_unbind_reads_the_header()
    {
        var pdu = PduAssert.Decodes<Unbind>(UnbindVector);

        Assert.Equal(5u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.False(pdu.HasTlvs);
    }

    [Fact]
    public void Encode_unbind_resp_is_a_bare_header()
    {
        var response = new Unbind { SequenceNumber = 5 }.CreateResponse();

        Assert.Equal(UnbindRespVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_unbind_resp_reads_the_header()
    {
        var pdu = PduAssert.Decodes<UnbindResp>(UnbindRespVector);

        Assert.Equal(5u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
    }

    [Fact]
    public void Encode_generic_nack_carries_the_error_status()
    {
        var pdu = new GenericNack { SequenceNumber = 9, CommandStatus = CommandStatus.InvalidCommandId };

        Assert.Equal(GenericNackVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_generic_nack_reads_the_error_status()
    {
        var pdu = PduAssert.Decodes<GenericNack>(GenericNackVector);

        Assert.Equal(9u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.InvalidCommandId, pdu.CommandStatus);
    }
}
