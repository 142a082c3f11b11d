namespace Pigeon.Smpp.Protocol;

/// <summary>
/// The command_status error codes of SMPP v3.4 (specification section 5.1.3). Wire values: never change them.
/// </summary>
public enum CommandStatus : uint
{
    /// <summary>No error.</summary>
    Ok = 0x00000000,
    /// <summary>Message length is invalid.</summary>
    InvalidMessageLength = 0x00000001,
    /// <summary>Command length is invalid.</summary>
    InvalidCommandLength = 0x00000002,
    /// <summary>Invalid command id.</summary>
    InvalidCommandId = 0x00000003,
    /// <summary>Incorrect bind status for given command.</summary>
    InvalidBindStatus = 0x00000004,
    /// <summary>ESME already in bound state.</summary>
    AlreadyBound = 0x00000005,
    /// <summary>Invalid priority flag.</summary>
    InvalidPriorityFlag = 0x00000006,
    /// <summary>Invalid registered delivery flag.</summary>
    InvalidRegisteredDeliveryFlag = 0x00000007,
    /// <summary>System error.</summary>
    SystemError = 0x00000008,
    /// <summary>Invalid source address.</summary>
    InvalidSourceAddress = 0x0000000A,
    /// <summary>Invalid destination address.</summary>
    InvalidDestinationAddress = 0x0000000B,
    /// <summary>Message id is invalid.</summary>
    InvalidMessageId = 0x0000000C,
    /// <summary>Bind failed.</summary>
    BindFailed = 0x0000000D,
    /// <summary>Invalid password.</summary>
    InvalidPassword = 0x0000000E,
    /// <summary>Invalid system id.</summary>
    InvalidSystemId = 0x0000000F,
    /// <summary>cancel_sm failed.</summary>
    CancelFailed = 0x00000011,
    /// <summary>replace_sm failed.</summary>
    ReplaceFailed = 0x00000013,
    /// <summary>Message queue full.</summary>
    MessageQueueFull = 0x00000014,
    /// <summary>Invalid service type.</summary>
    InvalidServiceType = 0x00000015,
    /// <summary>Invalid number of destinations.</summary>
    InvalidNumberOfDestinations = 0x00000033,
    /// <summary>Invalid distribution list name.</summary>
    InvalidDistributionListName = 0x00000034,
    /// <summary>Destination flag is invalid (submit_multi).</summary>
    InvalidDestinationFlag = 0x00000040,
    /// <summary>Invalid submit with replace request (replace_if_present_flag set).</summary>
    InvalidSubmitWithReplace = 0x00000042,
    /// <summary>Invalid esm_class field data.</summary>
    InvalidEsmClass = 0x00000043,
    /// <summary>Cannot submit to distribution list.</summary>
    CannotSubmitToDistributionList = 0x00000044,
    /// <summary>submit_sm or submit_multi failed.</summary>
    SubmitFailed = 0x00000045,
    /// <summary>Invalid source address TON.</summary>
    InvalidSourceTon = 0x00000048,
    /// <summary>Invalid source address NPI.</summary>
    InvalidSourceNpi = 0x00000049,
    /// <summary>Invalid destination address TON.</summary>
    InvalidDestinationTon = 0x00000050,
    /// <summary>Invalid destination address NPI.</summary>
    InvalidDestinationNpi = 0x00000051,
    /// <summary>Invalid system_type field.</summary>
    InvalidSystemType = 0x00000053,
    /// <summary>Invalid replace_if_present flag.</summary>
    InvalidReplaceIfPresentFlag = 0x00000054,
    /// <summary>Invalid number of messages.</summary>
    InvalidNumberOfMessages = 0x00000055,
    /// <summary>Throttling error (ESME has exceeded allowed message limits).</summary>
    Throttled = 0x00000058,
    /// <summary>Invalid scheduled delivery time.</summary>
    InvalidScheduledDeliveryTime = 0x00000061,
    /// <summary>Invalid message validity period (expiry time).</summary>
    InvalidExpiryTime = 0x00000062,
    /// <summary>Predefined message invalid or not found.</summary>
    InvalidPredefinedMessage = 0x00000063,
    /// <summary>ESME receiver temporary application error code.</summary>
    ReceiverTemporaryAppError = 0x00000064,
    /// <summary>ESME receiver permanent application error code.</summary>
    ReceiverPermanentAppError = 0x00000065,
    /// <summary>ESME receiver reject message error code.</summary>
    ReceiverRejectMessage = 0x00000066,
    /// <summary>query_sm request failed.</summary>
    QueryFailed = 0x00000067,
    /// <summary>Error in the optional part of the PDU body.</summary>
    InvalidOptionalPart = 0x000000C0,
    /// <summary>Optional parameter not allowed.</summary>
    OptionalParameterNotAllowed = 0x000000C1,
    /// <summary>Invalid parameter length.</summary>
    InvalidParameterLength = 0x000000C2,
    /// <summary>Expected optional parameter missing.</summary>
    MissingOptionalParameter = 0x000000C3,
    /// <summary>Invalid optional parameter value.</summary>
    InvalidOptionalParameterValue = 0x000000C4,
    /// <summary>Delivery failure (used for data_sm_resp).</summary>
    DeliveryFailure = 0x000000FE,
    /// <summary>Unknown error.</summary>
    UnknownError = 0x000000FF,
}
