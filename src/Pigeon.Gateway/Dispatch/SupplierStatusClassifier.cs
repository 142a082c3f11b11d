using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// The one place that decides which submit_sm_resp command_status (SMPP v3.4 section 5.1.3) is worth another try.
/// Throttling is told apart from other temporary failures because it pauses the bind rather than counting against
/// the part. Everything not listed as throttling or temporary is final: a supplier that answers a real error code
/// would answer it again.
/// </summary>
public static class SupplierStatusClassifier
{
    /// <summary>
    /// The status reported for a part that is given up after failures that carried no command_status (response
    /// time-outs, lost links, the supplier unavailable): ESME_RSYSERR.
    /// </summary>
    public const CommandStatus NoAnswerStatus = CommandStatus.SystemError;

    /// <summary>Classifies a submit_sm_resp (or generic_nack) command_status.</summary>
    public static SupplierStatusClass Classify(CommandStatus status) => status switch
    {
        CommandStatus.Ok => SupplierStatusClass.Accepted,
        CommandStatus.Throttled or CommandStatus.MessageQueueFull => SupplierStatusClass.Throttled,

        // ESME_RSYSERR: the SMSC's own trouble. ESME_RINVBNDSTS: the bind was being torn down under the submit.
        // ESME_RX_T_APPN: some SMSCs pass a downstream temporary error on with the code meant for receivers.
        CommandStatus.SystemError or CommandStatus.InvalidBindStatus or CommandStatus.ReceiverTemporaryAppError
            => SupplierStatusClass.Temporary,
        _ => SupplierStatusClass.Final,
    };

    /// <summary>True when the part may be submitted again (throttled or temporary).</summary>
    public static bool IsRetryable(CommandStatus status) =>
        Classify(status) is SupplierStatusClass.Throttled or SupplierStatusClass.Temporary;
}
