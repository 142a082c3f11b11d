using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>Every command of section 5.1.2.1 has a PDU, and every request answers with the right response.</summary>
public sealed class PduFactoryTests
{
    public static TheoryData<CommandId> AllCommandIds => new(Enum.GetValues<CommandId>());

    public static TheoryData<CommandId> RequestCommandIds => new(Enum.GetValues<CommandId>().Where(id => !id.IsResponse()));

    [Fact]
    public void The_specification_defines_27_commands()
    {
        Assert.Equal(27, Enum.GetValues<CommandId>().Length);
    }

    [Theory]
    [MemberData(nameof(AllCommandIds))]
    public void Factory_creates_a_pdu_for_every_command_id(CommandId id)
    {
        var pdu = PduFactory.Create(id);

        Assert.NotNull(pdu);
        Assert.Equal(id, pdu.CommandId);
        Assert.Equal(id.IsResponse(), pdu is ResponsePdu);
    }

    [Theory]
    [MemberData(nameof(RequestCommandIds))]
    public void Every_request_creates_the_response_its_command_id_names(CommandId id)
    {
        var request = Assert.IsAssignableFrom<RequestPdu>(PduFactory.Create(id));
        request.SequenceNumber = 99;

        var response = request.CreateResponse(CommandStatus.SystemError);

        Assert.Equal(id.ResponseId(), response.CommandId);
        Assert.Equal(99u, response.SequenceNumber);
        Assert.Equal(CommandStatus.SystemError, response.CommandStatus);
    }
}
