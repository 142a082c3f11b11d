using Pigeon.Gateway.Submission;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class SubmissionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly SubmissionValidator Validator = new(new SubmissionOptions());

    private static readonly SubmissionRequest Valid = new()
    {
        Source = SmppAddress.Alphanumeric("Pigeon"),
        Destination = SmppAddress.International("447911123456"),
        Content = "Hello"u8.ToArray(),
    };

    [Fact]
    public void A_plain_message_passes()
    {
        Assert.Null(Validator.Validate(Valid, Now));
    }

    [Theory]
    [InlineData(EsmClass.DeliveryReceipt)]
    [InlineData(EsmClass.DeliveryAcknowledgement)]
    [InlineData(EsmClass.ManualUserAcknowledgement)]
    [InlineData(EsmClass.IntermediateDeliveryNotification)]
    public void A_message_type_other_than_normal_is_ESME_RINVESMCLASS(EsmClass esmClass)
    {
        AssertRefused(Valid with { EsmClass = esmClass }, RefusalReason.InvalidEsmClass, CommandStatus.InvalidEsmClass);
    }

    [Theory]
    [InlineData(EsmClass.StoreAndForwardMode)]
    [InlineData(EsmClass.DatagramMode)]
    [InlineData(EsmClass.ReplyPath)]
    public void Messaging_modes_and_reply_path_pass(EsmClass esmClass)
    {
        Assert.Null(Validator.Validate(Valid with { EsmClass = esmClass }, Now));
    }

    [Fact]
    public void The_reserved_receipt_value_is_ESME_RINVREGDLVFLG()
    {
        AssertRefused(Valid with { RegisteredDelivery = (RegisteredDelivery)0x03 }, RefusalReason.InvalidRegisteredDelivery, CommandStatus.InvalidRegisteredDeliveryFlag);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://user:pass@example.com/hook")]
    public void A_callback_url_that_is_not_plain_http_or_https_is_invalid_callback_url(string url)
    {
        AssertRefused(Valid with { CallbackUrl = url }, RefusalReason.InvalidCallbackUrl, CommandStatus.InvalidOptionalParameterValue);
    }

    [Fact]
    public void An_https_callback_url_passes()
    {
        Assert.Null(Validator.Validate(Valid with { CallbackUrl = "https://example.com/hooks?customer=7" }, Now));
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/hook")]
    public void A_callback_url_into_the_operators_network_is_invalid_callback_url(string url)
    {
        AssertRefused(Valid with { CallbackUrl = url }, RefusalReason.InvalidCallbackUrl, CommandStatus.InvalidOptionalParameterValue);
    }

    [Fact]
    public void A_callback_url_into_the_operators_network_passes_when_the_operator_allows_it()
    {
        var validator = new SubmissionValidator(new SubmissionOptions { AllowPrivateCallbackAddresses = true });

        Assert.Null(validator.Validate(Valid with { CallbackUrl = "http://127.0.0.1/hook" }, Now));
    }

    [Fact]
    public void An_empty_destination_is_ESME_RINVDSTADR()
    {
        AssertRefused(Valid with { Destination = SmppAddress.International("") }, RefusalReason.DestinationRequired, CommandStatus.InvalidDestinationAddress);
    }

    [Fact]
    public void An_overlong_destination_is_ESME_RINVDSTADR()
    {
        AssertRefused(Valid with { Destination = SmppAddress.International(new string('4', 33)) }, RefusalReason.DestinationTooLong, CommandStatus.InvalidDestinationAddress);
    }

    [Fact]
    public void An_empty_source_is_ESME_RINVSRCADR()
    {
        AssertRefused(Valid with { Source = SmppAddress.Empty }, RefusalReason.SourceRequired, CommandStatus.InvalidSourceAddress);
    }

    [Fact]
    public void An_overlong_source_is_ESME_RINVSRCADR()
    {
        AssertRefused(Valid with { Source = SmppAddress.International(new string('4', 21)) }, RefusalReason.InvalidSource, CommandStatus.InvalidSourceAddress);
    }

    [Fact]
    public void An_undefined_source_ton_is_ESME_RINVSRCTON()
    {
        AssertRefused(Valid with { Source = new SmppAddress((TypeOfNumber)7, NumberingPlan.Isdn, "447700900123") }, RefusalReason.InvalidSourceTon, CommandStatus.InvalidSourceTon);
    }

    [Fact]
    public void An_undefined_source_npi_is_ESME_RINVSRCNPI()
    {
        AssertRefused(Valid with { Source = new SmppAddress(TypeOfNumber.International, (NumberingPlan)2, "447700900123") }, RefusalReason.InvalidSourceNpi, CommandStatus.InvalidSourceNpi);
    }

    [Fact]
    public void A_reserved_data_coding_is_refused()
    {
        AssertRefused(Valid with { DataCoding = 0x0B }, RefusalReason.UnsupportedDataCoding, CommandStatus.SubmitFailed);
    }

    [Fact]
    public void Empty_content_is_ESME_RINVMSGLEN()
    {
        AssertRefused(Valid with { Content = ReadOnlyMemory<byte>.Empty }, RefusalReason.EmptyMessage, CommandStatus.InvalidMessageLength);
    }

    [Fact]
    public void Content_beyond_a_message_payload_is_ESME_RINVMSGLEN()
    {
        AssertRefused(Valid with { Content = new byte[65_536] }, RefusalReason.MessageTooLong, CommandStatus.InvalidMessageLength);
    }

    [Fact]
    public void A_well_formed_header_with_udhi_passes()
    {
        byte[] content = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, .. "Hello"u8];

        Assert.Null(Validator.Validate(Valid with { EsmClass = EsmClass.UdhIndicator, Content = content }, Now));
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x00, 0x03, 0x2A, 0x02 })]            // UDHL past the end
    [InlineData(new byte[] { 0x04, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x41 })] // element overruns UDHL
    [InlineData(new byte[] { 0x05, 0x00, 0x03, 0x2A, 0x00, 0x01, 0x41 })] // zero parts
    [InlineData(new byte[] { 0x05, 0x00, 0x03, 0x2A, 0x02, 0x03, 0x41 })] // part 3 of 2
    [InlineData(new byte[] { 0x05, 0x00, 0x02, 0x2A, 0x02, 0x01, 0x41 })] // 8-bit reference element of 2 octets
    [InlineData(new byte[] { 0x00, 0x41, 0x42 })]                          // no elements
    [InlineData(new byte[] { 0x41 })]                                      // text, no header at all
    public void A_malformed_header_with_udhi_is_ESME_RINVESMCLASS(byte[] content)
    {
        AssertRefused(Valid with { EsmClass = EsmClass.UdhIndicator, Content = content }, RefusalReason.InvalidUserDataHeader, CommandStatus.InvalidEsmClass);
    }

    [Fact]
    public void A_header_with_more_text_than_one_part_holds_is_ESME_RINVMSGLEN()
    {
        // 6 header octets leave 153 septets of GSM 7-bit.
        byte[] fits = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, .. new byte[153]];
        byte[] over = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, .. new byte[154]];

        Assert.Null(Validator.Validate(Valid with { EsmClass = EsmClass.UdhIndicator, Content = fits }, Now));
        AssertRefused(Valid with { EsmClass = EsmClass.UdhIndicator, Content = over }, RefusalReason.MessageTooLong, CommandStatus.InvalidMessageLength);
    }

    [Fact]
    public void A_UCS2_part_with_a_header_holds_140_octets_in_all()
    {
        byte[] fits = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, .. new byte[134]];
        byte[] over = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, .. new byte[136]];

        Assert.Null(Validator.Validate(Valid with { EsmClass = EsmClass.UdhIndicator, DataCoding = 0x08, Content = fits }, Now));
        AssertRefused(Valid with { EsmClass = EsmClass.UdhIndicator, DataCoding = 0x08, Content = over }, RefusalReason.MessageTooLong, CommandStatus.InvalidMessageLength);
    }

    [Fact]
    public void Complete_SAR_parameters_pass()
    {
        Assert.Null(Validator.Validate(Valid with { SarReference = 9, SarTotalSegments = 2, SarSegmentNumber = 2 }, Now));
    }

    [Theory]
    [InlineData((ushort)9, (byte)2, null)]
    [InlineData(null, (byte)2, (byte)1)]
    [InlineData((ushort)9, (byte)0, (byte)1)]
    [InlineData((ushort)9, (byte)2, (byte)0)]
    [InlineData((ushort)9, (byte)2, (byte)3)]
    public void Incomplete_or_inconsistent_SAR_parameters_are_ESME_RINVOPTPARAMVAL(ushort? reference, byte? total, byte? number)
    {
        AssertRefused(
            Valid with { SarReference = reference, SarTotalSegments = total, SarSegmentNumber = number },
            RefusalReason.InvalidConcatenation,
            CommandStatus.InvalidOptionalParameterValue);
    }

    [Fact]
    public void A_SAR_part_longer_than_one_SMS_is_ESME_RINVMSGLEN()
    {
        AssertRefused(
            Valid with { SarReference = 1, SarTotalSegments = 2, SarSegmentNumber = 1, Content = new byte[161] },
            RefusalReason.MessageTooLong,
            CommandStatus.InvalidMessageLength);
    }

    [Fact]
    public void Empty_text_is_ESME_RINVMSGLEN()
    {
        AssertRefused(Valid with { Text = "" }, RefusalReason.EmptyMessage, CommandStatus.InvalidMessageLength);
    }

    [Fact]
    public void Text_with_udhi_is_ESME_RINVESMCLASS()
    {
        AssertRefused(Valid with { Text = "hi", EsmClass = EsmClass.UdhIndicator }, RefusalReason.InvalidEsmClass, CommandStatus.InvalidEsmClass);
    }

    [Fact]
    public void Text_that_the_asked_alphabet_cannot_hold_is_refused()
    {
        AssertRefused(Valid with { Text = "Привет", TextEncoding = SmsEncoding.Gsm7 }, RefusalReason.TextNotEncodable, CommandStatus.SubmitFailed);
        AssertRefused(Valid with { Text = "hi", TextEncoding = SmsEncoding.Binary }, RefusalReason.TextNotEncodable, CommandStatus.SubmitFailed);
    }

    [Fact]
    public void A_validity_already_over_is_ESME_RINVEXPIRY()
    {
        AssertRefused(Valid with { ValidUntil = Now }, RefusalReason.InvalidValidity, CommandStatus.InvalidExpiryTime);
    }

    [Fact]
    public void A_schedule_too_far_ahead_is_ESME_RINVSCHED()
    {
        AssertRefused(Valid with { ScheduledAt = Now.AddDays(31) }, RefusalReason.InvalidSchedule, CommandStatus.InvalidScheduledDeliveryTime);
    }

    [Fact]
    public void A_schedule_after_the_validity_ends_is_ESME_RINVSCHED()
    {
        AssertRefused(
            Valid with { ScheduledAt = Now.AddHours(2), ValidUntil = Now.AddHours(1) },
            RefusalReason.InvalidSchedule,
            CommandStatus.InvalidScheduledDeliveryTime);
    }

    [Fact]
    public void A_schedule_in_the_past_passes_as_now()
    {
        Assert.Null(Validator.Validate(Valid with { ScheduledAt = Now.AddMinutes(-5) }, Now));
    }

    private static void AssertRefused(SubmissionRequest request, RefusalReason reason, CommandStatus status)
    {
        var refusal = Validator.Validate(request, Now);

        Assert.NotNull(refusal);
        Assert.Equal(reason, refusal.Reason);
        Assert.Equal(status, refusal.Status);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }
}
