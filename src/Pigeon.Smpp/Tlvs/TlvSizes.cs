namespace Pigeon.Smpp.Tlvs;

/// <summary>
/// The value sizes the specification allows for each known TLV (section 5.3.2). A peer that sends
/// sar_msg_ref_num in three octets gets ESME_RINVPARLEN rather than a silently misread value.
/// Unknown tags accept any size, since they are only carried.
/// </summary>
internal static class TlvSizes
{
    public static bool IsValid(TlvTag tag, int length) => tag switch
    {
        TlvTag.DestAddrSubunit or TlvTag.DestNetworkType or TlvTag.DestBearerType or TlvTag.SourceAddrSubunit
            or TlvTag.SourceNetworkType or TlvTag.SourceBearerType or TlvTag.SourceTelematicsId
            or TlvTag.PayloadType or TlvTag.MsMsgWaitFacilities or TlvTag.PrivacyIndicator
            or TlvTag.UserResponseCode or TlvTag.LanguageIndicator or TlvTag.SarTotalSegments
            or TlvTag.SarSegmentSeqnum or TlvTag.ScInterfaceVersion or TlvTag.CallbackNumPresInd
            or TlvTag.NumberOfMessages or TlvTag.DpfResult or TlvTag.SetDpf or TlvTag.MsAvailabilityStatus
            or TlvTag.DeliveryFailureReason or TlvTag.MoreMessagesToSend or TlvTag.MessageState
            or TlvTag.UssdServiceOp or TlvTag.DisplayTime or TlvTag.MsValidity or TlvTag.ItsReplyType
            => length == 1,
        TlvTag.DestTelematicsId or TlvTag.UserMessageReference or TlvTag.SourcePort or TlvTag.DestinationPort
            or TlvTag.SarMsgRefNum or TlvTag.SmsSignal or TlvTag.ItsSessionInfo
            => length == 2,
        TlvTag.QosTimeToLive => length == 4,
        TlvTag.NetworkErrorCode => length == 3,
        TlvTag.AlertOnMessageDelivery => length == 0,
        TlvTag.ReceiptedMessageId => length is >= 1 and <= 65,
        TlvTag.AdditionalStatusInfoText => length is >= 1 and <= 256,
        TlvTag.SourceSubaddress or TlvTag.DestSubaddress => length is >= 2 and <= 23,
        TlvTag.CallbackNum => length is >= 4 and <= 19,
        TlvTag.CallbackNumAtag => length <= 65,
        _ => true,
    };
}
