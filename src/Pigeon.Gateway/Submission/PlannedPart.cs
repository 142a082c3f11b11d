using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Submission;

/// <summary>One submit_sm's worth of an accepted message: the octets to send and how they are tied to the others.</summary>
/// <param name="Number">1-based position in the message.</param>
/// <param name="Body">short_message octets as sent to the supplier, user data header included when there is one.</param>
/// <param name="EsmClass">esm_class to send: UDHI when <paramref name="Body"/> starts with a header, reply path as asked.</param>
/// <param name="DataCoding">data_coding to send.</param>
/// <param name="SarReference">sar_msg_ref_num, when the part is tied by SAR TLVs.</param>
/// <param name="SarTotalSegments">sar_total_segments, likewise.</param>
/// <param name="SarSegmentNumber">sar_segment_seqnum, likewise.</param>
public sealed record PlannedPart(
    int Number,
    byte[] Body,
    EsmClass EsmClass,
    byte DataCoding,
    ushort? SarReference = null,
    byte? SarTotalSegments = null,
    byte? SarSegmentNumber = null);
