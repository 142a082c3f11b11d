using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// The one table of what each <see cref="RefusalReason"/> answers: the SMPP v3.4 command_status (section 5.1.3)
/// and the machine code the HTTP front ends return.
/// <code>
/// reason                            command_status              code
/// CustomerNotActive                 ESME_RSUBMITFAIL   0x45     customer_not_active
/// SubmitDisabled                    ESME_RSUBMITFAIL   0x45     submit_disabled
/// Throttled                         ESME_RTHROTTLED    0x58     throttled
/// DestinationRequired               ESME_RINVDSTADR    0x0B     destination_required
/// InvalidDestination                ESME_RINVDSTADR    0x0B     invalid_destination
/// DestinationTooShort               ESME_RINVDSTADR    0x0B     destination_too_short
/// DestinationTooLong                ESME_RINVDSTADR    0x0B     destination_too_long
/// DestinationNotMobile              ESME_RINVDSTADR    0x0B     destination_not_mobile
/// InvalidDestinationTon             ESME_RINVDSTTON    0x50     invalid_destination_ton
/// InvalidDestinationNpi             ESME_RINVDSTNPI    0x51     invalid_destination_npi
/// DestinationNotInClosedUserGroup   ESME_RINVDSTADR    0x0B     destination_not_allowed
/// NoRoute                           ESME_RINVDSTADR    0x0B     no_route
/// SourceRequired                    ESME_RINVSRCADR    0x0A     source_required
/// InvalidSource                     ESME_RINVSRCADR    0x0A     invalid_source
/// InvalidSourceTon                  ESME_RINVSRCTON    0x48     invalid_source_ton
/// InvalidSourceNpi                  ESME_RINVSRCNPI    0x49     invalid_source_npi
/// SenderNotAllowed                  ESME_RINVSRCADR    0x0A     sender_not_allowed
/// UnsupportedDataCoding             ESME_RSUBMITFAIL   0x45     unsupported_data_coding
/// TextNotEncodable                  ESME_RSUBMITFAIL   0x45     text_not_encodable
/// EmptyMessage                      ESME_RINVMSGLEN    0x01     empty_message
/// MessageTooLong                    ESME_RINVMSGLEN    0x01     message_too_long
/// InvalidEsmClass                   ESME_RINVESMCLASS  0x43     invalid_esm_class
/// InvalidUserDataHeader             ESME_RINVESMCLASS  0x43     invalid_udh
/// InvalidConcatenation              ESME_RINVOPTPARAMVAL 0xC4   invalid_concatenation
/// InvalidRegisteredDelivery         ESME_RINVREGDLVFLG 0x07     invalid_registered_delivery
/// InvalidValidity                   ESME_RINVEXPIRY    0x62     invalid_validity
/// InvalidSchedule                   ESME_RINVSCHED     0x61     invalid_schedule
/// CurrencyMismatch                  ESME_RSYSERR       0x08     currency_mismatch
/// InsufficientBalance               ESME_RSUBMITFAIL   0x45     insufficient_balance
/// BalanceUnavailable                ESME_RSYSERR       0x08     balance_unavailable
/// InvalidCallbackUrl                ESME_RINVOPTPARAMVAL 0xC4   invalid_callback_url
/// DestinationBlocked                ESME_RINVDSTADR    0x0B     destination_blocked
/// </code>
/// Choices worth a word: no route answers ESME_RINVDSTADR because, like a bad number, it is final for that
/// destination and the ESME must not retry it unchanged (the code tells the two apart over HTTP). v3.4 has no
/// status for an unsupported data_coding (ESME_RINVDCS is v5.0), so it is ESME_RSUBMITFAIL. A price in the wrong
/// currency or a balance not loaded is the operator's configuration error, not the customer's, so it is
/// ESME_RSYSERR, which ESMEs treat as worth retrying later. A blocked destination is ESME_RINVDSTADR as well: final for that number,
/// like a bad one, so the ESME does not retry it (v3.4 has no status of its own for a barred destination).
/// </summary>
public static class RefusalReasons
{
    /// <summary>The command_status an SMPP front end answers for <paramref name="reason"/>.</summary>
    public static CommandStatus ToCommandStatus(this RefusalReason reason) => reason switch
    {
        RefusalReason.CustomerNotActive or RefusalReason.SubmitDisabled or RefusalReason.UnsupportedDataCoding
            or RefusalReason.TextNotEncodable or RefusalReason.InsufficientBalance => CommandStatus.SubmitFailed,
        RefusalReason.Throttled => CommandStatus.Throttled,
        RefusalReason.DestinationRequired or RefusalReason.InvalidDestination or RefusalReason.DestinationTooShort
            or RefusalReason.DestinationTooLong or RefusalReason.DestinationNotMobile
            or RefusalReason.DestinationNotInClosedUserGroup or RefusalReason.NoRoute
            or RefusalReason.DestinationBlocked => CommandStatus.InvalidDestinationAddress,
        RefusalReason.InvalidDestinationTon => CommandStatus.InvalidDestinationTon,
        RefusalReason.InvalidDestinationNpi => CommandStatus.InvalidDestinationNpi,
        RefusalReason.SourceRequired or RefusalReason.InvalidSource or RefusalReason.SenderNotAllowed => CommandStatus.InvalidSourceAddress,
        RefusalReason.InvalidSourceTon => CommandStatus.InvalidSourceTon,
        RefusalReason.InvalidSourceNpi => CommandStatus.InvalidSourceNpi,
        RefusalReason.EmptyMessage or RefusalReason.MessageTooLong => CommandStatus.InvalidMessageLength,
        RefusalReason.InvalidEsmClass or RefusalReason.InvalidUserDataHeader => CommandStatus.InvalidEsmClass,
        RefusalReason.InvalidConcatenation or RefusalReason.InvalidCallbackUrl => CommandStatus.InvalidOptionalParameterValue,
        RefusalReason.InvalidRegisteredDelivery => CommandStatus.InvalidRegisteredDeliveryFlag,
        RefusalReason.InvalidValidity => CommandStatus.InvalidExpiryTime,
        RefusalReason.InvalidSchedule => CommandStatus.InvalidScheduledDeliveryTime,
        RefusalReason.CurrencyMismatch or RefusalReason.BalanceUnavailable => CommandStatus.SystemError,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown refusal reason."),
    };

    /// <summary>The stable machine code (snake_case) the HTTP front ends return for <paramref name="reason"/>.</summary>
    public static string ToCode(this RefusalReason reason) => reason switch
    {
        RefusalReason.CustomerNotActive => "customer_not_active",
        RefusalReason.SubmitDisabled => "submit_disabled",
        RefusalReason.Throttled => "throttled",
        RefusalReason.DestinationRequired => "destination_required",
        RefusalReason.InvalidDestination => "invalid_destination",
        RefusalReason.DestinationTooShort => "destination_too_short",
        RefusalReason.DestinationTooLong => "destination_too_long",
        RefusalReason.DestinationNotMobile => "destination_not_mobile",
        RefusalReason.InvalidDestinationTon => "invalid_destination_ton",
        RefusalReason.InvalidDestinationNpi => "invalid_destination_npi",
        RefusalReason.DestinationNotInClosedUserGroup => "destination_not_allowed",
        RefusalReason.NoRoute => "no_route",
        RefusalReason.SourceRequired => "source_required",
        RefusalReason.InvalidSource => "invalid_source",
        RefusalReason.InvalidSourceTon => "invalid_source_ton",
        RefusalReason.InvalidSourceNpi => "invalid_source_npi",
        RefusalReason.SenderNotAllowed => "sender_not_allowed",
        RefusalReason.UnsupportedDataCoding => "unsupported_data_coding",
        RefusalReason.TextNotEncodable => "text_not_encodable",
        RefusalReason.EmptyMessage => "empty_message",
        RefusalReason.MessageTooLong => "message_too_long",
        RefusalReason.InvalidEsmClass => "invalid_esm_class",
        RefusalReason.InvalidUserDataHeader => "invalid_udh",
        RefusalReason.InvalidConcatenation => "invalid_concatenation",
        RefusalReason.InvalidRegisteredDelivery => "invalid_registered_delivery",
        RefusalReason.InvalidValidity => "invalid_validity",
        RefusalReason.InvalidSchedule => "invalid_schedule",
        RefusalReason.CurrencyMismatch => "currency_mismatch",
        RefusalReason.InsufficientBalance => "insufficient_balance",
        RefusalReason.BalanceUnavailable => "balance_unavailable",
        RefusalReason.InvalidCallbackUrl => "invalid_callback_url",
        RefusalReason.DestinationBlocked => "destination_blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown refusal reason."),
    };

    /// <summary>The refusal for a destination number that failed to normalise.</summary>
    public static RefusalReason ForDestination(NumberFailure failure) => failure switch
    {
        NumberFailure.Empty => RefusalReason.DestinationRequired,
        NumberFailure.TooShort => RefusalReason.DestinationTooShort,
        NumberFailure.TooLong => RefusalReason.DestinationTooLong,
        NumberFailure.NotMobile => RefusalReason.DestinationNotMobile,
        NumberFailure.UnsupportedTon => RefusalReason.InvalidDestinationTon,
        NumberFailure.UnsupportedNpi => RefusalReason.InvalidDestinationNpi,
        _ => RefusalReason.InvalidDestination,
    };
}
