using FsCheck;
using FsCheck.Fluent;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>
/// Generators for single PDU fields, each within the limits the specification gives: C-octet strings within
/// their "Var. max" (NUL excluded from the characters), SMPP times empty or 16 characters, TLVs of the sizes the
/// codec accepts, submit_multi destinations. <see cref="PduGenerators"/> assembles PDUs from them.
/// </summary>
internal static class FieldGenerators
{
    internal static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);

    internal static readonly Gen<uint> SequenceNumber = Gen.Choose(1, int.MaxValue).Select(i => (uint)i);

    internal static readonly Gen<CommandStatus> ResponseStatus = Gen.Frequency(
        (3, Gen.Constant(CommandStatus.Ok)),
        (1, Gen.Elements(
            CommandStatus.InvalidMessageLength,
            CommandStatus.SystemError,
            CommandStatus.InvalidDestinationAddress,
            CommandStatus.Throttled,
            CommandStatus.DeliveryFailure,
            CommandStatus.ReceiverTemporaryAppError)));

    /// <summary>An SMPP time (section 7.1.1): empty, or YYMMDDhhmmsstnn and p in '+', '-' or 'R'.</summary>
    internal static readonly Gen<string> Time = Gen.Frequency(
        (1, Gen.Constant(string.Empty)),
        (2, from digits in Gen.ArrayOf(Gen.Choose('0', '9').Select(c => (char)c), 15)
            from sign in Gen.Elements('+', '-', 'R')
            select new string(digits) + sign));

    /// <summary>TLVs the codec knows, with the one size the specification gives each.</summary>
    private static readonly (TlvTag Tag, int Size)[] FixedSizeTlvs =
    [
        (TlvTag.DestAddrSubunit, 1), (TlvTag.PayloadType, 1), (TlvTag.SarTotalSegments, 1),
        (TlvTag.SarSegmentSeqnum, 1), (TlvTag.ScInterfaceVersion, 1), (TlvTag.MsAvailabilityStatus, 1),
        (TlvTag.DeliveryFailureReason, 1), (TlvTag.MoreMessagesToSend, 1), (TlvTag.MessageState, 1),
        (TlvTag.DpfResult, 1), (TlvTag.UserMessageReference, 2), (TlvTag.SourcePort, 2),
        (TlvTag.DestinationPort, 2), (TlvTag.SarMsgRefNum, 2), (TlvTag.NetworkErrorCode, 3),
        (TlvTag.QosTimeToLive, 4), (TlvTag.AlertOnMessageDelivery, 0),
    ];

    internal static readonly Gen<Tlv> AnyTlv = Gen.OneOf(
        from known in Gen.Elements(FixedSizeTlvs)
        from value in Gen.ArrayOf(AnyByte, known.Size)
        select new Tlv(known.Tag, value),
        Ranged(TlvTag.ReceiptedMessageId, 1, 65),
        Ranged(TlvTag.AdditionalStatusInfoText, 1, 256),
        Ranged(TlvTag.MessagePayload, 0, 300),
        // 0x1400-0x3FFF is reserved for SMSC vendors (section 5.3.2): unknown here, carried as raw octets.
        from tag in Gen.Choose(0x1400, 0x3FFF)
        from value in Bytes(32)
        select new Tlv((TlvTag)tag, value));

    internal static readonly Gen<Tlv[]> AnyTlvs = Gen.Frequency(
        (1, Gen.Constant(Array.Empty<Tlv>())),
        (2, Gen.Choose(1, 4).SelectMany(count => Gen.ArrayOf(AnyTlv, count))));

    internal static readonly Gen<DestinationAddress> AnyDestination = Gen.OneOf(
        Address(21).Select(DestinationAddress.Sme),
        CString(21).Select(DestinationAddress.DistributionList));

    internal static readonly Gen<UnsuccessfulSme> AnyUnsuccessfulSme =
        from address in Address(21)
        from error in Gen.Choose(0, 0x1FF)
        select new UnsuccessfulSme(address, (CommandStatus)error);

    internal static Gen<(CommandStatus Status, uint Sequence)> RequestHeader =>
        SequenceNumber.Select(sequence => (CommandStatus.Ok, sequence));

    internal static Gen<(CommandStatus Status, uint Sequence)> ResponseHeader =>
        from status in ResponseStatus
        from sequence in SequenceNumber
        select (status, sequence);

    /// <summary>
    /// A C-octet string of at most <paramref name="maxSize"/> octets NUL included, weighted toward the two
    /// boundaries (empty and longest) where off-by-one errors live. Any Latin-1 character but NUL.
    /// </summary>
    internal static Gen<string> CString(int maxSize) =>
        Gen.Frequency(
                (1, Gen.Constant(0)),
                (1, Gen.Constant(maxSize - 1)),
                (4, Gen.Choose(0, maxSize - 1)))
            .SelectMany(length => Gen.ArrayOf(Gen.Choose(1, 255).Select(c => (char)c), length))
            .Select(chars => new string(chars));

    internal static Gen<SmppAddress> Address(int maxSize) =>
        from ton in AnyByte
        from npi in AnyByte
        from value in CString(maxSize)
        select new SmppAddress((TypeOfNumber)ton, (NumberingPlan)npi, value);

    internal static Gen<byte[]> Bytes(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(length => Gen.ArrayOf(AnyByte, length));

    internal static Gen<Tlv> Ranged(TlvTag tag, int minLength, int maxLength) =>
        from length in Gen.Choose(minLength, maxLength)
        from value in Gen.ArrayOf(AnyByte, length)
        select new Tlv(tag, value);
}
