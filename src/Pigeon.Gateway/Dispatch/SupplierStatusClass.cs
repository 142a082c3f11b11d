namespace Pigeon.Gateway.Dispatch;

/// <summary>What a supplier's answer to a submit_sm means for the part that was submitted.</summary>
public enum SupplierStatusClass
{
    /// <summary>ESME_ROK: the supplier took the part and gave it a message id.</summary>
    Accepted,

    /// <summary>
    /// The supplier asks us to slow down (ESME_RTHROTTLED, ESME_RMSGQFUL): the bind pauses with back-off and the
    /// part is sent again first, ahead of the parts behind it.
    /// </summary>
    Throttled,

    /// <summary>A failure that may pass (a system error, a bind-state race): the part is retried, then failed over.</summary>
    Temporary,

    /// <summary>The supplier refuses the part for good: it ends REJECTD.</summary>
    Final,
}
