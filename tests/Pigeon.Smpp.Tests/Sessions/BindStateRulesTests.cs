using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

// Specification section 2.3: which PDUs each session state allows, read with the direction of each operation.
public sealed class BindStateRulesTests
{
    [Theory]
    [InlineData(SmppSessionState.Open, CommandStatus.InvalidBindStatus)]
    [InlineData(SmppSessionState.BoundTransmitter, CommandStatus.Ok)]
    [InlineData(SmppSessionState.BoundReceiver, CommandStatus.InvalidBindStatus)]
    [InlineData(SmppSessionState.BoundTransceiver, CommandStatus.Ok)]
    [InlineData(SmppSessionState.Unbinding, CommandStatus.InvalidBindStatus)]
    [InlineData(SmppSessionState.Closed, CommandStatus.InvalidBindStatus)]
    public void Smsc_accepts_submit_sm_only_from_a_transmitter_or_transceiver(SmppSessionState state, CommandStatus expected) =>
        Assert.Equal(expected, BindStateRules.CheckIncoming(SmppRole.Smsc, state, CommandId.SubmitSm));

    [Theory]
    [InlineData(CommandId.SubmitMulti)]
    [InlineData(CommandId.QuerySm)]
    [InlineData(CommandId.CancelSm)]
    [InlineData(CommandId.ReplaceSm)]
    public void Smsc_treats_the_other_submission_operations_like_submit_sm(CommandId id)
    {
        Assert.Equal(CommandStatus.Ok, BindStateRules.CheckIncoming(SmppRole.Smsc, SmppSessionState.BoundTransmitter, id));
        Assert.Equal(CommandStatus.InvalidBindStatus, BindStateRules.CheckIncoming(SmppRole.Smsc, SmppSessionState.BoundReceiver, id));
    }

    [Theory]
    [InlineData(SmppSessionState.Open, CommandStatus.InvalidBindStatus)]
    [InlineData(SmppSessionState.BoundTransmitter, CommandStatus.InvalidBindStatus)]
    [InlineData(SmppSessionState.BoundReceiver, CommandStatus.Ok)]
    [InlineData(SmppSessionState.BoundTransceiver, CommandStatus.Ok)]
    public void Esme_accepts_deliver_sm_only_as_a_receiver_or_transceiver(SmppSessionState state, CommandStatus expected) =>
        Assert.Equal(expected, BindStateRules.CheckIncoming(SmppRole.Esme, state, CommandId.DeliverSm));

    [Fact]
    public void Smsc_refuses_deliver_sm_from_an_esme_in_any_state() =>
        Assert.Equal(CommandStatus.InvalidBindStatus, BindStateRules.CheckIncoming(SmppRole.Smsc, SmppSessionState.BoundTransceiver, CommandId.DeliverSm));

    [Theory]
    [InlineData(true, SmppSessionState.BoundTransmitter, CommandStatus.Ok)]
    [InlineData(true, SmppSessionState.BoundReceiver, CommandStatus.InvalidBindStatus)]
    [InlineData(false, SmppSessionState.BoundReceiver, CommandStatus.Ok)]
    [InlineData(false, SmppSessionState.BoundTransmitter, CommandStatus.InvalidBindStatus)]
    public void Data_sm_flows_in_the_direction_the_bind_allows(bool smscSide, SmppSessionState state, CommandStatus expected) =>
        Assert.Equal(expected, BindStateRules.CheckIncoming(smscSide ? SmppRole.Smsc : SmppRole.Esme, state, CommandId.DataSm));

    [Theory]
    [InlineData(SmppSessionState.Open, CommandStatus.Ok)]
    [InlineData(SmppSessionState.BoundTransmitter, CommandStatus.AlreadyBound)]
    [InlineData(SmppSessionState.BoundReceiver, CommandStatus.AlreadyBound)]
    [InlineData(SmppSessionState.BoundTransceiver, CommandStatus.AlreadyBound)]
    [InlineData(SmppSessionState.Unbinding, CommandStatus.InvalidBindStatus)]
    public void Smsc_accepts_one_bind_and_answers_a_second_with_already_bound(SmppSessionState state, CommandStatus expected) =>
        Assert.Equal(expected, BindStateRules.CheckIncoming(SmppRole.Smsc, state, CommandId.BindTransmitter));

    [Fact]
    public void Esme_refuses_a_bind_from_the_smsc() =>
        Assert.Equal(CommandStatus.InvalidBindStatus, BindStateRules.CheckIncoming(SmppRole.Esme, SmppSessionState.Open, CommandId.BindTransceiver));

    [Theory]
    [InlineData(SmppSessionState.Open)]
    [InlineData(SmppSessionState.BoundReceiver)]
    [InlineData(SmppSessionState.Unbinding)]
    public void Enquire_link_is_answered_in_every_state_but_closed(SmppSessionState state)
    {
        Assert.Equal(CommandStatus.Ok, BindStateRules.CheckIncoming(SmppRole.Smsc, state, CommandId.EnquireLink));
        Assert.Equal(CommandStatus.Ok, BindStateRules.CheckIncoming(SmppRole.Esme, state, CommandId.EnquireLink));
    }

    [Theory]
    [InlineData(SmppSessionState.Open, CommandStatus.InvalidBindStatus)]
    [InlineData(SmppSessionState.BoundReceiver, CommandStatus.Ok)]
    [InlineData(SmppSessionState.Unbinding, CommandStatus.Ok)]
    public void Unbind_is_accepted_once_bound(SmppSessionState state, CommandStatus expected) =>
        Assert.Equal(expected, BindStateRules.CheckIncoming(SmppRole.Esme, state, CommandId.Unbind));

    [Fact]
    public void Outgoing_requests_are_checked_against_the_peers_rules()
    {
        Assert.Equal(CommandStatus.Ok, BindStateRules.CheckOutgoing(SmppRole.Esme, SmppSessionState.Open, CommandId.BindTransceiver));
        Assert.Equal(CommandStatus.Ok, BindStateRules.CheckOutgoing(SmppRole.Esme, SmppSessionState.BoundTransmitter, CommandId.SubmitSm));
        Assert.Equal(CommandStatus.InvalidBindStatus, BindStateRules.CheckOutgoing(SmppRole.Smsc, SmppSessionState.BoundTransmitter, CommandId.DeliverSm));
        Assert.Equal(CommandStatus.Ok, BindStateRules.CheckOutgoing(SmppRole.Smsc, SmppSessionState.BoundReceiver, CommandId.DeliverSm));
    }
}
