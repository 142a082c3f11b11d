using Pigeon.Gateway.Submission;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class RefusalReasonsTests
{
    [Fact]
    public void Every_reason_has_its_own_snake_case_code()
    {
        var codes = Enum.GetValues<RefusalReason>().Select(r => r.ToCode()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches("^[a-z]+(_[a-z]+)*$", code));
    }

    [Theory]
    [InlineData(RefusalReason.Throttled, CommandStatus.Throttled, "throttled")]
    [InlineData(RefusalReason.SubmitDisabled, CommandStatus.SubmitFailed, "submit_disabled")]
    [InlineData(RefusalReason.CustomerNotActive, CommandStatus.SubmitFailed, "customer_not_active")]
    [InlineData(RefusalReason.SenderNotAllowed, CommandStatus.InvalidSourceAddress, "sender_not_allowed")]
    [InlineData(RefusalReason.DestinationNotInClosedUserGroup, CommandStatus.InvalidDestinationAddress, "destination_not_allowed")]
    [InlineData(RefusalReason.NoRoute, CommandStatus.InvalidDestinationAddress, "no_route")]
    [InlineData(RefusalReason.DestinationBlocked, CommandStatus.InvalidDestinationAddress, "destination_blocked")]
    [InlineData(RefusalReason.InsufficientBalance, CommandStatus.SubmitFailed, "insufficient_balance")]
    [InlineData(RefusalReason.CurrencyMismatch, CommandStatus.SystemError, "currency_mismatch")]
    [InlineData(RefusalReason.InvalidDestinationTon, CommandStatus.InvalidDestinationTon, "invalid_destination_ton")]
    [InlineData(RefusalReason.InvalidSourceTon, CommandStatus.InvalidSourceTon, "invalid_source_ton")]
    [InlineData(RefusalReason.MessageTooLong, CommandStatus.InvalidMessageLength, "message_too_long")]
    [InlineData(RefusalReason.InvalidUserDataHeader, CommandStatus.InvalidEsmClass, "invalid_udh")]
    [InlineData(RefusalReason.InvalidValidity, CommandStatus.InvalidExpiryTime, "invalid_validity")]
    [InlineData(RefusalReason.InvalidSchedule, CommandStatus.InvalidScheduledDeliveryTime, "invalid_schedule")]
    public void A_reason_answers_its_status_and_code(RefusalReason reason, CommandStatus status, string code)
    {
        var refusal = new SubmissionRefusal(reason, "because");

        Assert.Equal(status, refusal.Status);
        Assert.Equal(code, refusal.Code);
    }

    [Fact]
    public void Every_reason_has_a_status_that_is_an_error()
    {
        Assert.All(Enum.GetValues<RefusalReason>(), reason => Assert.NotEqual(CommandStatus.Ok, reason.ToCommandStatus()));
    }

    [Theory]
    [InlineData(NumberFailure.Empty, RefusalReason.DestinationRequired)]
    [InlineData(NumberFailure.TooShort, RefusalReason.DestinationTooShort)]
    [InlineData(NumberFailure.TooLong, RefusalReason.DestinationTooLong)]
    [InlineData(NumberFailure.NotMobile, RefusalReason.DestinationNotMobile)]
    [InlineData(NumberFailure.UnsupportedTon, RefusalReason.InvalidDestinationTon)]
    [InlineData(NumberFailure.UnsupportedNpi, RefusalReason.InvalidDestinationNpi)]
    [InlineData(NumberFailure.InvalidCountryCode, RefusalReason.InvalidDestination)]
    [InlineData(NumberFailure.InvalidNumber, RefusalReason.InvalidDestination)]
    public void A_number_failure_maps_to_a_destination_refusal(NumberFailure failure, RefusalReason reason)
    {
        Assert.Equal(reason, RefusalReasons.ForDestination(failure));
    }
}
