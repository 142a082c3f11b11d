using Pigeon.Gateway.Storage;
using Pigeon.Server.SmppFront;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Server.Tests;

/// <summary>The deliver_sm a customer gets for a stored MO: one when it fits, else UDH parts; data_coding kept.</summary>
public sealed class MoDeliverSmsTests
{
    [Fact]
    public void A_message_that_fits_one_sms_goes_as_one_deliver_sm_without_a_header()
    {
        var mo = Mo(SmsEncoding.Gsm7, new string('a', 160));

        var pdu = Assert.Single(MoDeliverSms.For(mo));

        Assert.Equal(mo.Body, pdu.ShortMessage.ToArray());
        Assert.Equal(EsmClass.Default, pdu.EsmClass & EsmClass.UdhIndicator);
        Assert.Equal("447700900001", pdu.Source.Value);
        Assert.Equal("447911000123", pdu.Destination.Value);
    }

    [Theory]
    [InlineData(SmsEncoding.Gsm7, 161, 2)]
    [InlineData(SmsEncoding.Ucs2, 71, 2)]
    [InlineData(SmsEncoding.Latin1, 141, 2)]
    [InlineData(SmsEncoding.Gsm7, 459, 3)]
    public void A_longer_message_goes_as_header_parts_in_order_with_its_data_coding(SmsEncoding encoding, int length, int expectedParts)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => encoding == SmsEncoding.Ucs2 ? "жы"[i % 2] : "xyz"[i % 3]));
        var mo = Mo(encoding, text) with { Id = 0x1234 };

        var pdus = MoDeliverSms.For(mo);

        Assert.Equal(expectedParts, pdus.Count);
        Assert.All(pdus, pdu => Assert.Equal(DataCoding.For(encoding).Value, pdu.DataCoding));
        var infos = pdus.Select(pdu => ConcatenationInfo.TryRead(pdu, out var info, out _) ? info : default).ToList();
        Assert.All(infos, info => Assert.Equal(new ConcatenationInfo(ConcatenationMode.UdhReference8, 0x34, (byte)expectedParts, info.Sequence), info));
        Assert.Equal(Enumerable.Range(1, expectedParts).Select(n => (byte)n), infos.Select(info => info.Sequence));
        using var reassembler = new MessageReassembler(TimeProvider.System);
        Assert.Equal(text, pdus.Select(pdu => reassembler.Add(pdu)).ToList()[^1].Message!.Text);
    }

    [Fact]
    public void An_MO_with_a_header_of_its_own_goes_as_it_came()
    {
        byte[] body = [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x41, 0x42];
        var mo = Mo(SmsEncoding.Binary, "") with { EsmClass = 0x40, DataCoding = 0x04, Body = body };

        var pdu = Assert.Single(MoDeliverSms.For(mo));

        Assert.Equal(body, pdu.ShortMessage.ToArray());
        Assert.Equal(EsmClass.UdhIndicator, pdu.EsmClass);
        Assert.Equal(0x04, pdu.DataCoding);
    }

    private static MoRecord Mo(SmsEncoding encoding, string text) => new()
    {
        Id = 1,
        SupplierId = 1,
        Source = "447700900001",
        SourceTon = 1,
        SourceNpi = 1,
        Destination = "447911000123",
        DataCoding = DataCoding.For(encoding).Value,
        Body = SmsText.GetBytes(text, encoding),
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };
}
