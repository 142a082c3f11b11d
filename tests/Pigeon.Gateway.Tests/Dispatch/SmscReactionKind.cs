namespace Pigeon.Gateway.Tests.Dispatch;

internal enum SmscReactionKind
{
    /// <summary>submit_sm_resp OK with a fresh message id.</summary>
    Accept,

    /// <summary>submit_sm_resp OK with a fresh message id after the reaction's delay (lost if the link drops first).</summary>
    AcceptLater,

    /// <summary>submit_sm_resp with the reaction's status and no id.</summary>
    Answer,

    /// <summary>Never answer (until the session closes).</summary>
    NoAnswer,

    /// <summary>Close the connection without answering.</summary>
    DropLink,

    /// <summary>Send the DELIVRD receipt for a fresh id first, wait for its deliver_sm_resp, then answer OK with that id.</summary>
    ReceiptFirst,
}
