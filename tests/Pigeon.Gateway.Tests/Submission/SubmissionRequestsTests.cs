using Pigeon.Gateway.Submission;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class SubmissionRequestsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_submit_sm_carries_its_fields_over()
    {
        var pdu = new SubmitSm
        {
            Source = SmppAddress.Alphanumeric("Pigeon"),
            Destination = SmppAddress.International("447911123456"),
            EsmClass = EsmClass.UdhIndicator,
            DataCoding = 0x08,
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnFailure,
            ShortMessage = new byte[] { 0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0x00, 0x41 },
            ValidityPeriod = "000001000000000R",
            ScheduleDeliveryTime = "250310130000000+",
            UserMessageReference = 4242,
        };

        Assert.True(SubmissionRequests.TryCreate(pdu, Now, out var request, out var refusal));
        Assert.Null(refusal);
        Assert.Equal(pdu.Source, request.Source);
        Assert.Equal(pdu.Destination, request.Destination);
        Assert.Equal(EsmClass.UdhIndicator, request.EsmClass);
        Assert.Equal(0x08, request.DataCoding);
        Assert.Equal(RegisteredDelivery.SmscReceiptOnFailure, request.RegisteredDelivery);
        Assert.Equal(pdu.ShortMessage.ToArray(), request.Content.ToArray());
        Assert.Equal(Now.AddDays(1), request.ValidUntil);
        Assert.Equal(Now.AddHours(1), request.ScheduledAt);
        Assert.Equal("4242", request.ClientReference);
        Assert.Null(request.Text);
        Assert.Null(request.SarTotalSegments);
    }

    [Fact]
    public void The_message_payload_is_the_content_when_short_message_is_empty()
    {
        var payload = new byte[300];
        var pdu = new SubmitSm { Destination = SmppAddress.International("447911123456"), MessagePayload = payload };

        Assert.True(SubmissionRequests.TryCreate(pdu, Now, out var request, out _));
        Assert.Equal(300, request.Content.Length);
    }

    [Fact]
    public void SAR_parameters_are_carried_over()
    {
        var pdu = new SubmitSm { SarMessageReference = 5, SarTotalSegments = 2, SarSegmentSequenceNumber = 1, ShortMessage = new byte[] { 0x41 } };

        Assert.True(SubmissionRequests.TryCreate(pdu, Now, out var request, out _));
        Assert.Equal((ushort)5, request.SarReference);
        Assert.Equal((byte)2, request.SarTotalSegments);
        Assert.Equal((byte)1, request.SarSegmentNumber);
    }

    [Fact]
    public void A_malformed_validity_period_is_ESME_RINVEXPIRY()
    {
        var pdu = new SubmitSm { ValidityPeriod = "991399999999999+" };

        Assert.False(SubmissionRequests.TryCreate(pdu, Now, out var request, out var refusal));
        Assert.Null(request);
        Assert.Equal(CommandStatus.InvalidExpiryTime, refusal.Status);
    }

    [Fact]
    public void A_malformed_schedule_is_ESME_RINVSCHED()
    {
        var pdu = new SubmitSm { ScheduleDeliveryTime = "25031013000000Z+" };

        Assert.False(SubmissionRequests.TryCreate(pdu, Now, out _, out var refusal));
        Assert.Equal(CommandStatus.InvalidScheduledDeliveryTime, refusal.Status);
    }

    [Fact]
    public void A_submit_multi_gives_one_request_per_destination()
    {
        var pdu = new SubmitMulti { Source = SmppAddress.Alphanumeric("Pigeon"), ShortMessage = "Hi"u8.ToArray() };
        var destination = SmppAddress.International("33612345678");

        Assert.True(SubmissionRequests.TryCreate(pdu, destination, Now, out var request, out _));
        Assert.Equal(destination, request.Destination);
        Assert.Equal("Hi"u8.ToArray(), request.Content.ToArray());
    }

    [Fact]
    public void A_data_sm_has_no_times()
    {
        var pdu = new DataSm { Destination = SmppAddress.International("447911123456"), MessagePayload = "Hi"u8.ToArray() };

        var request = SubmissionRequests.Create(pdu);

        Assert.Equal(pdu.Destination, request.Destination);
        Assert.Equal("Hi"u8.ToArray(), request.Content.ToArray());
        Assert.Null(request.ValidUntil);
        Assert.Null(request.ScheduledAt);
    }
}
