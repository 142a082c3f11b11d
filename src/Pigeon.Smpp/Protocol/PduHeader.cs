namespace Pigeon.Smpp.Protocol;

/// <summary>
/// The 16-byte header that opens every PDU (specification section 3.2).
/// <code>
/// offset size field
///   0     4   command_length   total PDU length, header included
///   4     4   command_id
///   8     4   command_status   0 in requests
///  12     4   sequence_number  1..0x7FFFFFFF, echoed by the response
/// </code>
/// </summary>
public readonly record struct PduHeader(uint CommandLength, CommandId CommandId, CommandStatus CommandStatus, uint SequenceNumber)
{
    /// <summary>Size of the header on the wire.</summary>
    public const int Size = 16;
}
