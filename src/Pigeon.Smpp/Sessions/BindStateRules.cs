using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// Which requests each session state allows, after the PDU table of specification section 2.3 read with the
/// direction of each operation: the ESME submits (submit_sm, submit_multi, query_sm, cancel_sm, replace_sm) when
/// bound as transmitter or transceiver; the SMSC delivers (deliver_sm, alert_notification) when the ESME is bound as
/// receiver or transceiver; data_sm flows in whichever direction the bind allows; enquire_link is accepted in every
/// state but CLOSED. A second bind is answered ESME_RALYBND, anything else out of state ESME_RINVBNDSTS.
/// </summary>
internal static class BindStateRules
{
    /// <summary>The status that answers a request received in <paramref name="state"/>, or Ok if it is allowed.</summary>
    public static CommandStatus CheckIncoming(SmppRole localRole, SmppSessionState state, CommandId id)
    {
        if (state == SmppSessionState.Closed)
        {
            return CommandStatus.InvalidBindStatus;
        }

        switch (id)
        {
            case CommandId.EnquireLink:
                return CommandStatus.Ok;
            case CommandId.BindTransmitter or CommandId.BindReceiver or CommandId.BindTransceiver:
                if (localRole != SmppRole.Smsc)
                {
                    return CommandStatus.InvalidBindStatus;
                }

                return state == SmppSessionState.Open ? CommandStatus.Ok
                    : IsBound(state) ? CommandStatus.AlreadyBound
                    : CommandStatus.InvalidBindStatus;
            case CommandId.Unbind:
                return IsBound(state) || state == SmppSessionState.Unbinding ? CommandStatus.Ok : CommandStatus.InvalidBindStatus;
        }

        if (!IsBound(state))
        {
            return CommandStatus.InvalidBindStatus;
        }

        var allowed = id switch
        {
            CommandId.SubmitSm or CommandId.SubmitMulti or CommandId.QuerySm or CommandId.CancelSm or CommandId.ReplaceSm =>
                localRole == SmppRole.Smsc && CanTransmit(state),
            CommandId.DeliverSm or CommandId.AlertNotification =>
                localRole == SmppRole.Esme && CanReceive(state),
            CommandId.DataSm => localRole == SmppRole.Smsc ? CanTransmit(state) : CanReceive(state),
            _ => false,
        };
        return allowed ? CommandStatus.Ok : CommandStatus.InvalidBindStatus;
    }

    /// <summary>The status the peer would answer a request we send in <paramref name="state"/> with, or Ok.</summary>
    public static CommandStatus CheckOutgoing(SmppRole localRole, SmppSessionState state, CommandId id) =>
        CheckIncoming(localRole == SmppRole.Esme ? SmppRole.Smsc : SmppRole.Esme, state, id);

    /// <summary>The bound state a bind of <paramref name="mode"/> leads to.</summary>
    public static SmppSessionState BoundState(BindMode mode) => mode switch
    {
        BindMode.Transmitter => SmppSessionState.BoundTransmitter,
        BindMode.Receiver => SmppSessionState.BoundReceiver,
        _ => SmppSessionState.BoundTransceiver,
    };

    /// <summary>True in BOUND_TX, BOUND_RX and BOUND_TRX.</summary>
    public static bool IsBound(SmppSessionState state) =>
        state is SmppSessionState.BoundTransmitter or SmppSessionState.BoundReceiver or SmppSessionState.BoundTransceiver;

    private static bool CanTransmit(SmppSessionState state) =>
        state is SmppSessionState.BoundTransmitter or SmppSessionState.BoundTransceiver;

    private static bool CanReceive(SmppSessionState state) =>
        state is SmppSessionState.BoundReceiver or SmppSessionState.BoundTransceiver;
}
