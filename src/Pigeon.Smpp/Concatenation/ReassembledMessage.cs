using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Concatenation;

/// <summary>
/// A whole incoming message: the user data of its parts joined in order with their headers removed. GSM 7-bit
/// content is always one septet per octet here, even when the parts arrived packed.
/// </summary>
public sealed class ReassembledMessage
{
    private string? _text;

    internal ReassembledMessage(
        string? keyPrefix,
        ConcatenationMode? mode,
        ushort? reference,
        DataCoding dataCoding,
        ReadOnlyMemory<byte> content,
        ReadOnlyMemory<byte> userDataHeader,
        IReadOnlyList<ShortMessageRequest> parts)
    {
        KeyPrefix = keyPrefix;
        Mode = mode;
        Reference = reference;
        DataCoding = dataCoding;
        Content = content;
        UserDataHeader = userDataHeader;
        Parts = parts;
    }

    /// <summary>The key prefix the parts were added with (e.g. a session id).</summary>
    public string? KeyPrefix { get; }

    /// <summary>source_addr of the parts.</summary>
    public SmppAddress Source => Parts[0].Source;

    /// <summary>destination_addr of the parts.</summary>
    public SmppAddress Destination => Parts[0].Destination;

    /// <summary>How the parts were tied together; <see cref="ConcatenationMode.MessagePayload"/> if it came in message_payload; null if it came whole in short_message.</summary>
    public ConcatenationMode? Mode { get; }

    /// <summary>The concatenation reference, when there was one.</summary>
    public ushort? Reference { get; }

    /// <summary>data_coding of the first part.</summary>
    public DataCoding DataCoding { get; }

    /// <summary>The joined user data, headers removed; GSM 7-bit as one septet per octet.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The first part's user data header, UDHL included (other elements such as ports stay visible); empty if none.</summary>
    public ReadOnlyMemory<byte> UserDataHeader { get; }

    /// <summary>The PDUs, in sequence order.</summary>
    public IReadOnlyList<ShortMessageRequest> Parts { get; }

    /// <summary>The content decoded by its data_coding (see <see cref="SmsText.Decode(DataCoding, ReadOnlySpan{byte}, Gsm7Packing)"/>).</summary>
    public string Text => _text ??= SmsText.Decode(DataCoding, Content.Span);
}
