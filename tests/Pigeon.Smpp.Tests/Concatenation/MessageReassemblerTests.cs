using Microsoft.Extensions.Time.Testing;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Concatenation;

public sealed class MessageReassemblerTests : IDisposable
{
    private static readonly SmppAddress Handset = SmppAddress.International("447700900123");
    private static readonly SmppAddress ShortCode = new(TypeOfNumber.National, NumberingPlan.Isdn, "12345");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly MessageReassembler _reassembler;
    private readonly List<IncompleteMessage> _abandoned = [];

    public MessageReassemblerTests()
    {
        _reassembler = new MessageReassembler(_time, new ReassemblyOptions { Timeout = TimeSpan.FromMinutes(2), MaxPendingMessages = 3 });
        _reassembler.Abandoned += (_, message) => _abandoned.Add(message);
    }

    public void Dispose() => _reassembler.Dispose();

    private static DeliverSm Part(byte[] shortMessage, EsmClass esmClass = EsmClass.UdhIndicator, SmppAddress? source = null, byte dataCoding = 0) => new()
    {
        Source = source ?? Handset,
        Destination = ShortCode,
        EsmClass = esmClass,
        DataCoding = dataCoding,
        ShortMessage = shortMessage,
    };

    private static DeliverSm Udh8(byte reference, byte total, byte sequence, string text, SmppAddress? source = null) =>
        Part([0x05, 0x00, 0x03, reference, total, sequence, .. SmsText.GetBytes(text, SmsEncoding.Gsm7)], source: source);

    private static DeliverSm[] Split(string text, ConcatenationMode mode, ushort reference)
    {
        var split = MessageSplitter.Split(text, mode, reference);
        var pdus = new DeliverSm[split.Parts.Count];
        for (var i = 0; i < pdus.Length; i++)
        {
            pdus[i] = new DeliverSm { Source = Handset, Destination = ShortCode };
            split.ApplyTo(pdus[i], i);
        }

        return pdus;
    }

    [Fact]
    public void A_plain_message_is_complete_at_once()
    {
        var result = _reassembler.Add(Part(SmsText.GetBytes("Hi there", SmsEncoding.Gsm7), EsmClass.Default));

        Assert.Equal(ReassemblyStatus.Complete, result.Status);
        Assert.Equal("Hi there", result.Message!.Text);
        Assert.Null(result.Message.Mode);
        Assert.Equal(Handset, result.Message.Source);
        Assert.Equal(ShortCode, result.Message.Destination);
    }

    [Fact]
    public void A_message_payload_is_complete_at_once()
    {
        var pdu = new DeliverSm { Source = Handset, Destination = ShortCode, MessagePayload = SmsText.GetBytes(new string('x', 300), SmsEncoding.Gsm7) };

        var result = _reassembler.Add(pdu);

        Assert.Equal(ReassemblyStatus.Complete, result.Status);
        Assert.Equal(new string('x', 300), result.Message!.Text);
        Assert.Equal(ConcatenationMode.MessagePayload, result.Message.Mode);
    }

    [Fact]
    public void Udh_parts_arriving_in_reverse_order_are_joined_in_sequence_order()
    {
        Assert.Equal(ReassemblyStatus.Pending, _reassembler.Add(Udh8(7, 3, 3, "three")).Status);
        Assert.Equal(ReassemblyStatus.Pending, _reassembler.Add(Udh8(7, 3, 2, "two ")).Status);
        var result = _reassembler.Add(Udh8(7, 3, 1, "one "));

        Assert.Equal(ReassemblyStatus.Complete, result.Status);
        Assert.Equal("one two three", result.Message!.Text);
        Assert.Equal(ConcatenationMode.UdhReference8, result.Message.Mode);
        Assert.Equal((ushort)7, result.Message.Reference);
        Assert.Equal(new byte[] { 0x05, 0x00, 0x03, 0x07, 0x03, 0x01 }, result.Message.UserDataHeader.ToArray());
        Assert.Equal(0, _reassembler.PendingCount);
    }

    [Fact]
    public void A_repeated_part_is_reported_as_duplicate_and_ignored()
    {
        _reassembler.Add(Udh8(7, 2, 1, "first "));

        var repeat = _reassembler.Add(Udh8(7, 2, 1, "FIRST "));
        var last = _reassembler.Add(Udh8(7, 2, 2, "second"));

        Assert.Equal(ReassemblyStatus.Duplicate, repeat.Status);
        Assert.Null(repeat.Message);
        Assert.Equal("first second", last.Message!.Text);
    }

    [Fact]
    public void A_part_repeated_after_its_message_completed_is_a_duplicate_not_a_new_message()
    {
        _reassembler.Add(Udh8(7, 2, 1, "first "));
        _reassembler.Add(Udh8(7, 2, 2, "second"));

        var repeat = _reassembler.Add(Udh8(7, 2, 2, "second"));

        Assert.Equal(ReassemblyStatus.Duplicate, repeat.Status);
        Assert.Equal(0, _reassembler.PendingCount);
    }

    [Fact]
    public void A_different_part_reusing_a_completed_reference_starts_a_new_message()
    {
        _reassembler.Add(Udh8(7, 2, 1, "first "));
        _reassembler.Add(Udh8(7, 2, 2, "second"));

        var reused = _reassembler.Add(Udh8(7, 2, 1, "another "));
        var done = _reassembler.Add(Udh8(7, 2, 2, "message"));

        Assert.Equal(ReassemblyStatus.Pending, reused.Status);
        Assert.Equal("another message", done.Message!.Text);
    }

    [Fact]
    public void A_completed_message_is_forgotten_after_the_time_out()
    {
        _reassembler.Add(Udh8(7, 2, 1, "first "));
        _reassembler.Add(Udh8(7, 2, 2, "second"));
        _time.Advance(TimeSpan.FromMinutes(2));

        var again = _reassembler.Add(Udh8(7, 2, 2, "second"));

        Assert.Equal(ReassemblyStatus.Pending, again.Status);
    }

    [Fact]
    public void Udh_parts_with_16_bit_reference_are_joined()
    {
        var parts = Split(new string('b', 200), ConcatenationMode.UdhReference16, 0xBEEF);

        _reassembler.Add(parts[1]);
        var result = _reassembler.Add(parts[0]);

        Assert.Equal(new string('b', 200), result.Message!.Text);
        Assert.Equal((ushort)0xBEEF, result.Message.Reference);
        Assert.Equal(ConcatenationMode.UdhReference16, result.Message.Mode);
    }

    [Fact]
    public void Sar_parts_are_joined()
    {
        var parts = Split(new string('П', 100), ConcatenationMode.Sar, 0x0102);

        _reassembler.Add(parts[1]);
        var result = _reassembler.Add(parts[0]);

        Assert.Equal(new string('П', 100), result.Message!.Text);
        Assert.Equal(ConcatenationMode.Sar, result.Message.Mode);
        Assert.Equal(DataCoding.Ucs2, result.Message.DataCoding);
    }

    [Fact]
    public void Parts_with_the_same_reference_from_different_sources_are_kept_apart()
    {
        var other = SmppAddress.International("447700900999");
        _reassembler.Add(Udh8(7, 2, 1, "mine "));
        _reassembler.Add(Udh8(7, 2, 1, "theirs ", other));

        var mine = _reassembler.Add(Udh8(7, 2, 2, "done"));
        var theirs = _reassembler.Add(Udh8(7, 2, 2, "done", other));

        Assert.Equal("mine done", mine.Message!.Text);
        Assert.Equal("theirs done", theirs.Message!.Text);
    }

    [Fact]
    public void Parts_under_different_key_prefixes_are_kept_apart()
    {
        _reassembler.Add(Udh8(7, 2, 1, "a "), "session-1");

        var elsewhere = _reassembler.Add(Udh8(7, 2, 2, "b"), "session-2");
        var here = _reassembler.Add(Udh8(7, 2, 2, "c"), "session-1");

        Assert.Equal(ReassemblyStatus.Pending, elsewhere.Status);
        Assert.Equal("a c", here.Message!.Text);
        Assert.Equal("session-1", here.Message.KeyPrefix);
    }

    [Fact]
    public void Missing_parts_time_out_and_the_partial_message_is_reported()
    {
        _reassembler.Add(Udh8(9, 3, 2, "middle"), "s1");

        _time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        Assert.Empty(_abandoned);

        _time.Advance(TimeSpan.FromSeconds(1));
        var lost = Assert.Single(_abandoned);
        Assert.Equal(IncompleteReason.TimedOut, lost.Reason);
        Assert.Equal([1, 3], lost.MissingSequenceNumbers);
        Assert.Equal("middle", SmsText.Decode(SmsEncoding.Gsm7, Assert.Single(lost.Parts).ShortMessage.Span[6..]));
        Assert.Equal(3, lost.TotalParts);
        Assert.Equal((ushort)9, lost.Reference);
        Assert.Equal("s1", lost.KeyPrefix);
        Assert.Equal(Handset, lost.Source);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), lost.FirstPartReceivedAt);
        Assert.Equal(0, _reassembler.PendingCount);
    }

    [Fact]
    public void A_part_arriving_after_the_time_out_starts_afresh()
    {
        _reassembler.Add(Udh8(9, 2, 1, "old "));
        _time.Advance(TimeSpan.FromMinutes(3));

        var late = _reassembler.Add(Udh8(9, 2, 2, "late"));

        Assert.Equal(ReassemblyStatus.Pending, late.Status);
        Assert.Single(_abandoned);
    }

    [Fact]
    public void The_oldest_pending_message_is_evicted_and_reported_when_the_limit_is_reached()
    {
        _reassembler.Add(Udh8(1, 2, 1, "a"));
        _time.Advance(TimeSpan.FromSeconds(1));
        _reassembler.Add(Udh8(2, 2, 1, "b"));
        _reassembler.Add(Udh8(3, 2, 1, "c"));

        _reassembler.Add(Udh8(4, 2, 1, "d"));

        var evicted = Assert.Single(_abandoned);
        Assert.Equal(IncompleteReason.Evicted, evicted.Reason);
        Assert.Equal((ushort)1, evicted.Reference);
        Assert.Equal(3, _reassembler.PendingCount);
    }

    [Fact]
    public void A_concatenation_element_with_sequence_zero_is_ignored_and_the_part_taken_whole()
    {
        // 3GPP TS 23.040 section 9.2.3.24.1: a receiver ignores the element when the sequence number is zero.
        var result = _reassembler.Add(Udh8(5, 2, 0, "alone"));

        Assert.Equal(ReassemblyStatus.Complete, result.Status);
        Assert.Equal("alone", result.Message!.Text);
        Assert.Null(result.Message.Reference);
    }

    [Fact]
    public void Other_header_elements_are_skipped_and_kept_in_the_header()
    {
        // Application port addressing (IEI 0x05) before the concatenation element.
        byte[] header = [0x0B, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x00, 0x03, 0x11, 0x02, 0x01];
        _reassembler.Add(Part([.. header, 0x61]));

        var result = _reassembler.Add(Part([0x0B, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x00, 0x03, 0x11, 0x02, 0x02, 0x62]));

        Assert.Equal("ab", result.Message!.Text);
        Assert.Equal(header, result.Message.UserDataHeader.ToArray());
    }

    [Fact]
    public void Packed_gsm_parts_are_unpacked_after_their_fill_bits()
    {
        using var reassembler = new MessageReassembler(_time, new ReassemblyOptions { Gsm7Packing = Gsm7Packing.Packed });
        var text = new string('z', 150) + "[brackets] and more";
        var split = MessageSplitter.Split(text, ConcatenationMode.UdhReference8, 3, packing: Gsm7Packing.Packed);

        ReassemblyResult result = default;
        for (var i = split.Parts.Count - 1; i >= 0; i--)
        {
            var pdu = new DeliverSm { Source = Handset, Destination = ShortCode };
            split.ApplyTo(pdu, i);
            result = reassembler.Add(pdu);
        }

        Assert.Equal(text, result.Message!.Text);
    }

    [Fact]
    public void Disposing_stops_the_time_out_sweep()
    {
        _reassembler.Add(Udh8(9, 2, 1, "x"));
        _reassembler.Dispose();

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(_abandoned);
        Assert.Equal(1, _reassembler.PendingCount);
    }
}
