using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// data_sm_resp (section 4.7.2).
/// <code>
/// field                         size
/// message_id                    C ≤65
/// delivery_failure_reason       TLV, 1 octet     optional
/// network_error_code            TLV, 3 octets    optional
/// additional_status_info_text   TLV, C ≤256      optional
/// dpf_result                    TLV, 1 octet     optional
/// </code>
/// The body is kept in error responses: the optional parameters exist to explain a failed delivery
/// (command_status ESME_RDELIVERYFAILURE). A bare error header from a peer still decodes.
/// </summary>
public sealed class DataSmResp : MessageIdResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.DataSmResp;

    /// <summary>delivery_failure_reason TLV: 0 destination unavailable, 1 invalid address, 2 permanent, 3 temporary.</summary>
    public byte? DeliveryFailureReason
    {
        get => TlvsOrNull?.GetByte(TlvTag.DeliveryFailureReason);
        set => Tlvs.SetByte(TlvTag.DeliveryFailureReason, value);
    }

    /// <summary>network_error_code TLV: network type (1 octet) and error code (2 octets).</summary>
    public ReadOnlyMemory<byte>? NetworkErrorCode
    {
        get => OctetStringTlv.Get(TlvsOrNull, TlvTag.NetworkErrorCode);
        set => Tlvs.SetBytes(TlvTag.NetworkErrorCode, value);
    }

    /// <summary>additional_status_info_text TLV: free text about the outcome, at most 255 characters.</summary>
    public string? AdditionalStatusInfoText
    {
        get => TlvsOrNull?.GetCString(TlvTag.AdditionalStatusInfoText);
        set => Tlvs.SetCString(TlvTag.AdditionalStatusInfoText, value);
    }

    /// <summary>dpf_result TLV: 1 if the delivery pending flag was set after the failure, 0 if not.</summary>
    public byte? DpfResult
    {
        get => TlvsOrNull?.GetByte(TlvTag.DpfResult);
        set => Tlvs.SetByte(TlvTag.DpfResult, value);
    }

    /// <inheritdoc />
    protected internal override bool OmitsBody => false;
}
