using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Submission;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Submission;

/// <summary>The sender rule of <see cref="SubmittingAccount"/>, as the planner applies it.</summary>
public sealed class SenderPolicyTests
{
    private readonly PlannerFixture _fixture = new();

    [Theory]
    [InlineData(TypeOfNumber.Alphanumeric, NumberingPlan.Unknown)]
    [InlineData(TypeOfNumber.Unknown, NumberingPlan.Unknown)]
    [InlineData(TypeOfNumber.Alphanumeric, NumberingPlan.Isdn)]
    public void A_listed_alphanumeric_sender_is_sent_as_TON_5(TypeOfNumber ton, NumberingPlan npi)
    {
        var plan = Plan(new SmppAddress(ton, npi, "Pigeon")).Plan!;

        Assert.Equal(SmppAddress.Alphanumeric("Pigeon"), plan.Source);
    }

    [Theory]
    [InlineData("Someone")]
    [InlineData("PIGEON")]
    [InlineData("Retired")]
    [InlineData("Elsewhere")]
    public void An_alphanumeric_sender_not_listed_active_and_exact_is_ESME_RINVSRCADR(string sender)
    {
        var result = Plan(SmppAddress.Alphanumeric(sender));

        SubmissionPlannerTests.AssertRefused(result, RefusalReason.SenderNotAllowed, CommandStatus.InvalidSourceAddress);
        Assert.Equal("sender_not_allowed", result.Refusal!.Code);
        Assert.Equal(100m, _fixture.Balance());
    }

    [Fact]
    public void An_alphanumeric_sender_over_11_characters_is_ESME_RINVSRCADR()
    {
        _fixture.Senders.Add(new SenderId { Id = 9, CustomerId = PlannerFixture.CustomerId, Value = "TwelveLetter" });

        SubmissionPlannerTests.AssertRefused(Plan(SmppAddress.Alphanumeric("TwelveLetter")), RefusalReason.InvalidSource, CommandStatus.InvalidSourceAddress);
    }

    [Theory]
    [InlineData(TypeOfNumber.International, "447700900123")]
    [InlineData(TypeOfNumber.International, "+447700900123")]
    [InlineData(TypeOfNumber.National, "07700900123")]
    [InlineData(TypeOfNumber.Unknown, "07700 900123")]
    [InlineData(TypeOfNumber.Unknown, "447700900123")]
    public void A_listed_number_in_any_form_is_sent_as_international(TypeOfNumber ton, string sender)
    {
        var plan = Plan(new SmppAddress(ton, NumberingPlan.Isdn, sender)).Plan!;

        Assert.Equal(SmppAddress.International("447700900123"), plan.Source);
    }

    [Theory]
    [InlineData(TypeOfNumber.International, "447700900124")]
    [InlineData(TypeOfNumber.National, "07700900124")]
    [InlineData(TypeOfNumber.Unknown, "07700 900124")]
    [InlineData(TypeOfNumber.NetworkSpecific, "54321")]
    public void A_number_not_listed_is_ESME_RINVSRCADR(TypeOfNumber ton, string sender)
    {
        SubmissionPlannerTests.AssertRefused(Plan(new SmppAddress(ton, NumberingPlan.Isdn, sender)), RefusalReason.SenderNotAllowed, CommandStatus.InvalidSourceAddress);
    }

    [Theory]
    [InlineData(TypeOfNumber.NetworkSpecific)]
    [InlineData(TypeOfNumber.Abbreviated)]
    [InlineData(TypeOfNumber.Unknown)]
    public void A_listed_short_code_is_sent_as_given(TypeOfNumber ton)
    {
        var plan = Plan(new SmppAddress(ton, NumberingPlan.Unknown, "12345")).Plan!;

        Assert.Equal(new SmppAddress(ton, NumberingPlan.Unknown, "12345"), plan.Source);
    }

    [Theory]
    [InlineData(TypeOfNumber.International, "4477009001x3")]
    [InlineData(TypeOfNumber.NetworkSpecific, "12-45")]
    [InlineData(TypeOfNumber.International, "+")]
    public void A_numeric_sender_with_other_than_digits_is_ESME_RINVSRCADR(TypeOfNumber ton, string sender)
    {
        SubmissionPlannerTests.AssertRefused(Plan(new SmppAddress(ton, NumberingPlan.Isdn, sender)), RefusalReason.InvalidSource, CommandStatus.InvalidSourceAddress);
    }

    [Fact]
    public void A_customer_without_sender_ids_cannot_send()
    {
        _fixture.Senders.Clear();

        SubmissionPlannerTests.AssertRefused(Plan(SmppAddress.Alphanumeric("Pigeon")), RefusalReason.SenderNotAllowed, CommandStatus.InvalidSourceAddress);
    }

    [Fact]
    public void A_listed_sender_may_carry_a_plus()
    {
        _fixture.Senders.Add(new SenderId { Id = 9, CustomerId = PlannerFixture.CustomerId, Value = "+33612345678" });

        Assert.Equal(SmppAddress.International("33612345678"), Plan(SmppAddress.International("33612345678")).Plan!.Source);
    }

    [Fact]
    public void An_account_of_another_customer_cannot_be_prepared()
    {
        var smpp = _fixture.Smpp! with { CustomerId = 99 };

        Assert.Throws<ArgumentException>(() => new SubmittingAccount(_fixture.Customer, smpp, []));
    }

    [Fact]
    public void Only_the_customers_active_sender_ids_are_kept()
    {
        var account = new SubmittingAccount(_fixture.Customer, _fixture.Smpp, _fixture.Senders);

        Assert.Equal(["12345", "447700900123", "Pigeon"], account.Senders.Order(StringComparer.Ordinal));
    }

    private SubmissionPlanResult Plan(SmppAddress source) => _fixture.Plan(PlannerFixture.Text("hi") with { Source = source });
}
