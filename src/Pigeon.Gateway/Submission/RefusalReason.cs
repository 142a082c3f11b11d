namespace Pigeon.Gateway.Submission;

/// <summary>
/// Why a submission is refused. Each reason has one SMPP command_status and one stable machine code for the HTTP
/// front ends; the table is <see cref="RefusalReasons"/>. Codes are part of the public API: never change one.
/// </summary>
public enum RefusalReason
{
    /// <summary>The customer is suspended or closed.</summary>
    CustomerNotActive = 1,

    /// <summary>The SMPP account has submit_enabled off.</summary>
    SubmitDisabled,

    /// <summary>The account's TPS limit is reached.</summary>
    Throttled,

    /// <summary>No destination address.</summary>
    DestinationRequired,

    /// <summary>The destination is not a valid number.</summary>
    InvalidDestination,

    /// <summary>The destination has too few digits.</summary>
    DestinationTooShort,

    /// <summary>The destination has too many digits.</summary>
    DestinationTooLong,

    /// <summary>The destination is a valid number that cannot take SMS.</summary>
    DestinationNotMobile,

    /// <summary>dest_addr_ton cannot address a handset.</summary>
    InvalidDestinationTon,

    /// <summary>dest_addr_npi is not a telephone numbering plan.</summary>
    InvalidDestinationNpi,

    /// <summary>The destination is outside the account's closed user group.</summary>
    DestinationNotInClosedUserGroup,

    /// <summary>No enabled route (with an enabled supplier) covers the destination.</summary>
    NoRoute,

    /// <summary>No source address, and none can be assumed.</summary>
    SourceRequired,

    /// <summary>The source address is malformed (too long, bad characters).</summary>
    InvalidSource,

    /// <summary>source_addr_ton is not one a sender can have.</summary>
    InvalidSourceTon,

    /// <summary>source_addr_npi is undefined.</summary>
    InvalidSourceNpi,

    /// <summary>The source is not one of the customer's active sender ids.</summary>
    SenderNotAllowed,

    /// <summary>data_coding is reserved or compressed.</summary>
    UnsupportedDataCoding,

    /// <summary>The text cannot be written in the alphabet asked for.</summary>
    TextNotEncodable,

    /// <summary>No content.</summary>
    EmptyMessage,

    /// <summary>More content than one part (with a header) or the most segments allowed can hold.</summary>
    MessageTooLong,

    /// <summary>esm_class asks for something other than a normal message.</summary>
    InvalidEsmClass,

    /// <summary>UDHI is set but the user data header is malformed.</summary>
    InvalidUserDataHeader,

    /// <summary>The SAR TLVs are incomplete or inconsistent.</summary>
    InvalidConcatenation,

    /// <summary>registered_delivery uses the reserved receipt value.</summary>
    InvalidRegisteredDelivery,

    /// <summary>The validity period is malformed or already over.</summary>
    InvalidValidity,

    /// <summary>The scheduled delivery time is malformed, too far ahead, or after the validity ends.</summary>
    InvalidSchedule,

    /// <summary>The route's price is in another currency than the customer's balance.</summary>
    CurrencyMismatch,

    /// <summary>The balance (and credit limit) does not cover the charge.</summary>
    InsufficientBalance,

    /// <summary>The customer's balance is not loaded in the balance book.</summary>
    BalanceUnavailable,

    /// <summary>The message's own webhook URL is not an absolute http or https URL (the native API's callback option).</summary>
    InvalidCallbackUrl,

    /// <summary>The destination is on the block list, for every customer or for this one.</summary>
    DestinationBlocked,
}
