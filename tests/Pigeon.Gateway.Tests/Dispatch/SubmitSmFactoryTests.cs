using Pigeon.Gateway.Dispatch;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Dispatch;

public sealed class SubmitSmFactoryTests
{
    [Fact]
    public void Body_of_254_octets_goes_in_short_message()
    {
        var submit = SubmitSmFactory.Create(TestParts.Part(1) with { Body = new byte[254] });

        Assert.Equal(254, submit.ShortMessage.Length);
        Assert.Null(submit.MessagePayload);
    }

    [Fact]
    public void Body_over_254_octets_goes_in_message_payload()
    {
        var submit = SubmitSmFactory.Create(TestParts.Part(1) with { Body = new byte[255] });

        Assert.Equal(0, submit.ShortMessage.Length);
        Assert.Equal(255, submit.MessagePayload!.Value.Length);
    }

    [Fact]
    public void Sar_tlvs_are_sent_only_with_all_three_values()
    {
        var partial = SubmitSmFactory.Create(TestParts.Part(1) with { SarReference = 7, SarTotalSegments = 2 });

        Assert.False(partial.HasTlvs);
    }

    [Fact]
    public void Receipt_is_asked_for_even_when_the_part_has_no_sar_or_validity()
    {
        var submit = SubmitSmFactory.Create(TestParts.Part(1));

        Assert.Equal(RegisteredDelivery.SmscReceiptOnSuccessOrFailure, submit.RegisteredDelivery);
        Assert.Equal(string.Empty, submit.ValidityPeriod);
        Assert.False(submit.HasTlvs);
    }
}
