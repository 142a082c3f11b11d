namespace Pigeon.Smpp.Concatenation;

/// <summary>How the parts of a message too long for one SMS are tied together over SMPP.</summary>
public enum ConcatenationMode
{
    /// <summary>
    /// A user data header in short_message with the concatenation element of 8-bit reference (IEI 0x00,
    /// 3GPP TS 23.040 section 9.2.3.24.1), and esm_class UDHI set. The most widely supported form.
    /// </summary>
    UdhReference8,

    /// <summary>A user data header with the concatenation element of 16-bit reference (IEI 0x08, section 9.2.3.24.8).</summary>
    UdhReference16,

    /// <summary>
    /// The sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs (SMPP v3.4 sections 5.3.2.22 to
    /// 5.3.2.24); the SMSC builds the header. Parts are sized as for an 8-bit reference header.
    /// </summary>
    Sar,

    /// <summary>The whole message in one message_payload TLV (SMPP v3.4 section 5.3.2.32); the SMSC segments it.</summary>
    MessagePayload,
}
