using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Limits;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Submission;
using Pigeon.Gateway.Tests.Routing;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class SubmissionPlannerTests
{
    private readonly PlannerFixture _fixture = new();

    [Fact]
    public void A_plain_message_is_planned_routed_priced_and_reserved()
    {
        var result = _fixture.Plan(PlannerFixture.Octets("Hello"u8.ToArray(), destination: "442079460958"));

        Assert.True(result.IsAccepted, result.Refusal?.ToString());
        var plan = result.Plan;
        Assert.Equal("442079460958", plan.Destination);
        Assert.Equal(NumberKind.International, plan.DestinationKind);
        Assert.Equal(SmppAddress.Alphanumeric("Pigeon"), plan.Source);
        Assert.Equal(1, plan.Segments);
        var part = Assert.Single(plan.Parts);
        Assert.Equal("Hello"u8.ToArray(), part.Body);
        Assert.Equal(EsmClass.Default, part.EsmClass);
        Assert.Equal(2, plan.Route.Route.Id);
        Assert.Equal([3L, 1L], plan.Route.FailoverSupplierIds);
        Assert.Equal(0.04m, plan.Charge.Amount);
        Assert.Equal("EUR", plan.Charge.Currency);
        Assert.Equal(new BalanceReservation(PlannerFixture.CustomerId, 0.04m), plan.Reservation);
        Assert.Equal(99.96m, _fixture.Balance());
        Assert.Equal(PlannerFixture.Start.AddHours(48), plan.ValidUntil);
        Assert.Null(plan.ScheduledAt);
    }

    [Fact]
    public void A_national_destination_is_read_in_the_customers_country()
    {
        var result = _fixture.Plan(PlannerFixture.Text("hi", destination: "07911 123456"));

        Assert.True(result.IsAccepted, result.Refusal?.ToString());
        Assert.Equal("447911123456", result.Plan.Destination);
    }

    [Fact]
    public void The_customers_own_route_is_used()
    {
        var result = _fixture.Plan(PlannerFixture.Text("hi"));

        Assert.True(result.IsAccepted);
        Assert.Equal(4, result.Plan.Route.Route.Id);
        Assert.Equal(0.03m, result.Plan.Charge.PricePerSegment);
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void GSM_text_takes_160_septets_in_one_segment_and_153_per_part(int length, int segments)
    {
        var result = _fixture.Plan(PlannerFixture.Text(new string('a', length)));

        Assert.True(result.IsAccepted);
        Assert.Equal(SmsEncoding.Gsm7, result.Plan.Encoding);
        Assert.Equal(0x00, result.Plan.DataCoding);
        Assert.Equal(segments, result.Plan.Segments);
        Assert.Equal(segments, result.Plan.Parts.Count);
        Assert.Equal(0.03m * segments, result.Plan.Charge.Amount);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void UCS2_text_takes_70_characters_in_one_segment_and_67_per_part(int length, int segments)
    {
        var result = _fixture.Plan(PlannerFixture.Text(new string('ж', length)));

        Assert.True(result.IsAccepted);
        Assert.Equal(SmsEncoding.Ucs2, result.Plan.Encoding);
        Assert.Equal(0x08, result.Plan.DataCoding);
        Assert.Equal(segments, result.Plan.Segments);
        Assert.Equal(0.03m * segments, result.Plan.Charge.Amount);
    }

    [Fact]
    public void GSM_extension_characters_count_two_septets()
    {
        var fits = _fixture.Plan(PlannerFixture.Text(new string('€', 80)));
        var over = _fixture.Plan(PlannerFixture.Text(new string('€', 81)));

        Assert.Equal(1, fits.Plan!.Segments);
        Assert.Equal(2, over.Plan!.Segments);
    }

    [Fact]
    public void Split_parts_carry_an_8_bit_reference_header_and_UDHI()
    {
        var result = _fixture.Plan(PlannerFixture.Text(new string('a', 200)));

        var parts = result.Plan!.Parts;
        Assert.Equal(2, parts.Count);
        var reference = parts[0].Body[3];
        for (var i = 0; i < parts.Count; i++)
        {
            Assert.Equal(i + 1, parts[i].Number);
            Assert.Equal(EsmClass.UdhIndicator, parts[i].EsmClass);
            Assert.Equal([0x05, 0x00, 0x03, reference, 0x02, (byte)(i + 1)], parts[i].Body[..6]);
            Assert.Null(parts[i].SarReference);
        }

        Assert.Equal(6 + 153, parts[0].Body.Length);
        Assert.Equal(6 + 47, parts[1].Body.Length);
    }

    [Fact]
    public void Each_split_message_gets_a_new_reference()
    {
        var first = _fixture.Plan(PlannerFixture.Text(new string('a', 200))).Plan!;
        var second = _fixture.Plan(PlannerFixture.Text(new string('a', 200))).Plan!;

        Assert.NotEqual(first.Parts[0].Body[3], second.Parts[0].Body[3]);
    }

    [Fact]
    public void With_SAR_concatenation_parts_carry_SAR_parameters_and_no_header()
    {
        var fixture = new PlannerFixture(new SubmissionOptions { ConcatenationMode = ConcatenationMode.Sar });

        var parts = fixture.Plan(PlannerFixture.Text(new string('a', 200))).Plan!.Parts;

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(EsmClass.Default, p.EsmClass));
        Assert.Equal(parts[0].SarReference, parts[1].SarReference);
        Assert.Equal([(byte)1, (byte)2], parts.Select(p => p.SarSegmentNumber!.Value));
        Assert.All(parts, p => Assert.Equal((byte)2, p.SarTotalSegments));
        Assert.Equal(153, parts[0].Body.Length);
    }

    [Fact]
    public void A_long_message_payload_is_split_keeping_its_data_coding()
    {
        var result = _fixture.Plan(PlannerFixture.Octets(new byte[400], dataCoding: 0xF0));

        Assert.True(result.IsAccepted);
        Assert.Equal(3, result.Plan.Segments);
        Assert.All(result.Plan.Parts, p => Assert.Equal(0xF0, p.DataCoding));
        Assert.Equal(0xF0, result.Plan.DataCoding);
    }

    [Fact]
    public void A_part_the_customer_concatenated_itself_is_passed_through_as_one_segment()
    {
        byte[] content = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, .. "Hello"u8];
        var request = PlannerFixture.Octets(content) with { EsmClass = EsmClass.UdhIndicator | EsmClass.StoreAndForwardMode };

        var plan = _fixture.Plan(request).Plan!;

        Assert.Equal(1, plan.Segments);
        var part = Assert.Single(plan.Parts);
        Assert.Equal(content, part.Body);
        Assert.Equal(EsmClass.UdhIndicator, part.EsmClass);
    }

    [Fact]
    public void A_SAR_part_from_the_customer_keeps_its_parameters()
    {
        var request = PlannerFixture.Octets("Hello"u8.ToArray()) with { SarReference = 77, SarTotalSegments = 3, SarSegmentNumber = 2 };

        var part = Assert.Single(_fixture.Plan(request).Plan!.Parts);

        Assert.Equal((ushort)77, part.SarReference);
        Assert.Equal((byte)3, part.SarTotalSegments);
        Assert.Equal((byte)2, part.SarSegmentNumber);
    }

    [Fact]
    public void The_reply_path_flag_is_kept()
    {
        var request = PlannerFixture.Octets("Hi"u8.ToArray()) with { EsmClass = EsmClass.ReplyPath };

        Assert.Equal(EsmClass.ReplyPath, Assert.Single(_fixture.Plan(request).Plan!.Parts).EsmClass);
    }

    [Fact]
    public void More_segments_than_allowed_is_ESME_RINVMSGLEN_and_charges_nothing()
    {
        var fixture = new PlannerFixture(new SubmissionOptions { MaxSegments = 3 });

        var text = fixture.Plan(PlannerFixture.Text(new string('a', 153 * 3 + 1)));
        var octets = fixture.Plan(PlannerFixture.Octets(new byte[153 * 3 + 1]));

        AssertRefused(text, RefusalReason.MessageTooLong, CommandStatus.InvalidMessageLength);
        AssertRefused(octets, RefusalReason.MessageTooLong, CommandStatus.InvalidMessageLength);
        Assert.Equal(100m, fixture.Balance());
    }

    [Fact]
    public void Content_needing_more_than_255_parts_is_ESME_RINVMSGLEN()
    {
        AssertRefused(_fixture.Plan(PlannerFixture.Octets(new byte[60_000])), RefusalReason.MessageTooLong, CommandStatus.InvalidMessageLength);
    }

    [Fact]
    public void Latin1_is_used_for_text_only_when_allowed()
    {
        var allowed = new PlannerFixture(new SubmissionOptions { AllowLatin1ForText = true });

        Assert.Equal(SmsEncoding.Ucs2, _fixture.Plan(PlannerFixture.Text("Ýes")).Plan!.Encoding);
        Assert.Equal(SmsEncoding.Latin1, allowed.Plan(PlannerFixture.Text("Ýes")).Plan!.Encoding);
        Assert.Equal(0x03, allowed.Plan(PlannerFixture.Text("Ýes")).Plan!.DataCoding);
    }

    [Fact]
    public void An_invalid_destination_is_ESME_RINVDSTADR_and_charges_nothing()
    {
        AssertRefused(_fixture.Plan(PlannerFixture.Text("hi", destination: "441000000000")), RefusalReason.InvalidDestination, CommandStatus.InvalidDestinationAddress);
        AssertRefused(_fixture.Plan(PlannerFixture.Text("hi", destination: "+3361234")), RefusalReason.DestinationTooShort, CommandStatus.InvalidDestinationAddress);
        Assert.Equal(100m, _fixture.Balance());
    }

    [Fact]
    public void An_alphanumeric_destination_is_ESME_RINVDSTTON()
    {
        var request = PlannerFixture.Text("hi") with { Destination = SmppAddress.Alphanumeric("Someone") };

        AssertRefused(_fixture.Plan(request), RefusalReason.InvalidDestinationTon, CommandStatus.InvalidDestinationTon);
    }

    [Fact]
    public void A_destination_no_route_covers_is_ESME_RINVDSTADR_no_route_and_charges_nothing()
    {
        _fixture.Routes = RouteTable.Build([RouteTableTests.Route(2, "44", 2)], [RouteTableTests.Supplier(2)]);

        var result = _fixture.Plan(PlannerFixture.Text("hi", destination: "+33612345678"));

        AssertRefused(result, RefusalReason.NoRoute, CommandStatus.InvalidDestinationAddress);
        Assert.Equal("no_route", result.Refusal!.Code);
        Assert.Equal(100m, _fixture.Balance());
    }

    [Fact]
    public void A_route_priced_in_another_currency_is_refused_and_charges_nothing()
    {
        _fixture.Customer = _fixture.Customer with { Currency = "USD" };

        var result = _fixture.Plan(PlannerFixture.Text("hi"));

        AssertRefused(result, RefusalReason.CurrencyMismatch, CommandStatus.SystemError);
        Assert.Equal(100m, _fixture.Balance());
    }

    [Fact]
    public void A_charge_the_balance_cannot_cover_is_ESME_RSUBMITFAIL_and_takes_nothing()
    {
        _fixture.Balances.Load(PlannerFixture.CustomerId, 0.05m);

        var result = _fixture.Plan(PlannerFixture.Text(new string('a', 200)));

        AssertRefused(result, RefusalReason.InsufficientBalance, CommandStatus.SubmitFailed);
        Assert.Equal("insufficient_balance", result.Refusal!.Code);
        Assert.Equal(0.05m, _fixture.Balance());
    }

    [Fact]
    public void A_charge_equal_to_the_balance_is_accepted()
    {
        _fixture.Balances.Load(PlannerFixture.CustomerId, 0.06m);

        Assert.True(_fixture.Plan(PlannerFixture.Text(new string('a', 200))).IsAccepted);
        Assert.Equal(0m, _fixture.Balance());
    }

    [Fact]
    public void A_customer_whose_balance_is_not_loaded_is_ESME_RSYSERR()
    {
        _fixture.Balances.Remove(PlannerFixture.CustomerId);

        AssertRefused(_fixture.Plan(PlannerFixture.Text("hi")), RefusalReason.BalanceUnavailable, CommandStatus.SystemError);
    }

    [Theory]
    [InlineData(CustomerStatus.Suspended)]
    [InlineData(CustomerStatus.Closed)]
    public void A_customer_not_active_is_ESME_RSUBMITFAIL(CustomerStatus status)
    {
        _fixture.Customer = _fixture.Customer with { Status = status };

        AssertRefused(_fixture.Plan(PlannerFixture.Text("hi")), RefusalReason.CustomerNotActive, CommandStatus.SubmitFailed);
    }

    [Fact]
    public void An_account_with_submit_disabled_is_ESME_RSUBMITFAIL()
    {
        _fixture.Smpp = _fixture.Smpp! with { SubmitEnabled = false };

        AssertRefused(_fixture.Plan(PlannerFixture.Text("hi")), RefusalReason.SubmitDisabled, CommandStatus.SubmitFailed);
    }

    [Fact]
    public void Past_the_accounts_TPS_it_is_ESME_RTHROTTLED_until_time_passes()
    {
        _fixture.Smpp = _fixture.Smpp! with { Tps = 2 };

        Assert.True(_fixture.Plan(PlannerFixture.Text("1")).IsAccepted);
        Assert.True(_fixture.Plan(PlannerFixture.Text("2")).IsAccepted);
        AssertRefused(_fixture.Plan(PlannerFixture.Text("3")), RefusalReason.Throttled, CommandStatus.Throttled);

        _fixture.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(_fixture.Plan(PlannerFixture.Text("4")).IsAccepted);
    }

    [Fact]
    public void A_requested_validity_beyond_the_longest_is_cut_to_it()
    {
        var plan = _fixture.Plan(PlannerFixture.Text("hi") with { ValidUntil = PlannerFixture.Start.AddDays(30) }).Plan!;

        Assert.Equal(PlannerFixture.Start.AddDays(7), plan.ValidUntil);
    }

    [Fact]
    public void A_requested_validity_within_the_longest_is_kept_and_a_future_schedule_too()
    {
        var request = PlannerFixture.Text("hi") with { ValidUntil = PlannerFixture.Start.AddHours(3), ScheduledAt = PlannerFixture.Start.AddHours(1) };

        var plan = _fixture.Plan(request).Plan!;

        Assert.Equal(PlannerFixture.Start.AddHours(3), plan.ValidUntil);
        Assert.Equal(PlannerFixture.Start.AddHours(1), plan.ScheduledAt);
    }

    [Fact]
    public void A_schedule_in_the_past_means_now()
    {
        Assert.Null(_fixture.Plan(PlannerFixture.Text("hi") with { ScheduledAt = PlannerFixture.Start.AddHours(-1) }).Plan!.ScheduledAt);
    }

    [Fact]
    public void Validation_refusals_come_through_with_their_status()
    {
        var request = PlannerFixture.Text("hi") with { RegisteredDelivery = (RegisteredDelivery)3 };

        AssertRefused(_fixture.Plan(request), RefusalReason.InvalidRegisteredDelivery, CommandStatus.InvalidRegisteredDeliveryFlag);
    }

    [Fact]
    public void The_plan_becomes_the_stored_message()
    {
        var request = PlannerFixture.Text(new string('a', 200)) with
        {
            ClientReference = "order-17",
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
        };
        var plan = _fixture.Plan(request).Plan!;
        var ids = new MessageIdGenerator(1, _fixture.Time);
        var id = ids.Next();

        var record = plan.ToMessageRecord(id, PlannerFixture.Start);
        var parts = plan.ToMessageParts(id, ids);

        Assert.Equal(id, record.Id);
        Assert.Equal(PlannerFixture.CustomerId, record.CustomerId);
        Assert.Equal(70, record.SmppAccountId);
        Assert.Equal("Pigeon", record.Source);
        Assert.Equal(5, record.SourceTon);
        Assert.Equal("447911123456", record.Destination);
        Assert.Equal(2, record.Segments);
        Assert.Equal(2, record.PartCount);
        Assert.Equal("order-17", record.ClientReference);
        Assert.Equal(1, record.RegisteredDelivery);
        Assert.Equal(4, record.RouteId);
        Assert.Equal(4, record.SupplierId);
        Assert.Equal(0.03m, record.PricePerSegment);
        Assert.Equal(0.06m, record.Charge);
        Assert.Equal("EUR", record.Currency);
        Assert.Equal(MessageStatus.Accepted, record.Status);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(id, p.MessageId));
        Assert.NotEqual(parts[0].Id, parts[1].Id);
        Assert.DoesNotContain(parts, p => p.Id == id);
        Assert.Equal([1, 2], parts.Select(p => p.PartNumber));
        Assert.Equal(plan.Parts[1].Body, parts[1].Body);
        Assert.Equal(0x40, parts[0].EsmClass);
    }

    [Fact]
    public void A_single_part_takes_the_messages_id()
    {
        var plan = _fixture.Plan(PlannerFixture.Text("hi")).Plan!;
        var ids = new MessageIdGenerator(1, _fixture.Time);
        var id = ids.Next();

        Assert.Equal(id, Assert.Single(plan.ToMessageParts(id, ids)).Id);
    }

    [Fact]
    public void A_refund_after_a_failed_commit_restores_the_balance()
    {
        var plan = _fixture.Plan(PlannerFixture.Text("hi")).Plan!;

        _fixture.Balances.Refund(plan.Reservation);

        Assert.Equal(100m, _fixture.Balance());
    }

    [Fact]
    public void Message_payload_concatenation_is_refused_as_a_planner_option()
    {
        Assert.Throws<ArgumentException>(() => new PlannerFixture(new SubmissionOptions { ConcatenationMode = ConcatenationMode.MessagePayload }));
    }

    internal static void AssertRefused(SubmissionPlanResult result, RefusalReason reason, CommandStatus status)
    {
        Assert.False(result.IsAccepted);
        Assert.Null(result.Plan);
        Assert.Equal(reason, result.Refusal.Reason);
        Assert.Equal(status, result.Refusal.Status);
    }
}
