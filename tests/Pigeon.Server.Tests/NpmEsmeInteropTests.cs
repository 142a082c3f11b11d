using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Tests.Interop;

namespace Pigeon.Server.Tests;

/// <summary>An ESME built on the independent npm `smpp` package, bound to `pigeon serve` (tests/interop/esme.js).</summary>
public sealed class NpmEsmeInteropTests : IClassFixture<ServeFixture>
{
    private readonly ServeFixture _fixture;

    public NpmEsmeInteropTests(ServeFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Npm_smpp_esme_submits_and_receives_a_receipt_for_each_returned_id()
    {
        await using var esme = await NodePeer.StartAsync(
            "esme.js",
            "--port", _fixture.Serve.SmppPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--system-id", _fixture.SystemId,
            "--password", _fixture.Password,
            "--count", "5",
            "--wait-ms", "60000");

        var result = await esme.WaitForResultAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(0, result.GetProperty("bind_status").GetInt32());
        Assert.Equal(5, result.GetProperty("ok").GetInt32());
        Assert.Equal(5, result.GetProperty("receipts_matched").GetInt32());
    }
}
