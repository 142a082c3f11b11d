using Pigeon.Simulator;

namespace Pigeon.Tests.Simulator;

/// <summary>The "mo" line typed on the simulator's standard input.</summary>
public sealed class MoRequestTests
{
    [Fact]
    public void A_plain_request_names_sender_number_and_text()
    {
        Assert.True(MoRequest.TryParse("mo 447700900001 12345 Hello there", out var request));

        Assert.Equal(new MoRequest(null, "447700900001", "12345", "Hello there"), request);
    }

    [Fact]
    public void Reference_and_part_order_are_read_after_the_system_id()
    {
        Assert.True(MoRequest.TryParse("mo @pigeon --ref 201 --parts 3,1,2 447700900001 12345 Long text", out var request));

        Assert.Equal("pigeon", request.SystemId);
        Assert.Equal((ushort)201, request.Reference);
        Assert.Equal([3, 1, 2], request.Parts);
        Assert.Equal(("447700900001", "12345", "Long text"), (request.From, request.To, request.Text));
    }

    [Theory]
    [InlineData("mo --ref 256 447700900001 12345 text")]
    [InlineData("mo --parts 0,1 447700900001 12345 text")]
    [InlineData("mo --colour red 447700900001 12345 text")]
    [InlineData("mo --ref 1 447700900001 12345")]
    public void A_bad_option_is_refused(string line)
    {
        Assert.False(MoRequest.TryParse(line, out _));
    }
}
