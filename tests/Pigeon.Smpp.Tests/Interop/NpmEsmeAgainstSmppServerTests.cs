using System.Net;
using Pigeon.Smpp.Server;

namespace Pigeon.Smpp.Tests.Interop;

/// <summary>The npm `smpp` package (an independent implementation) as an ESME against our SmppServer.</summary>
public sealed class NpmEsmeAgainstSmppServerTests
{
    private static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(60);

    private static async Task<(SmppServer Server, ReceiptingTestSmsc Smsc)> StartServerAsync()
    {
        var smsc = new ReceiptingTestSmsc("npm", "secret");
        var server = new SmppServer(new SmppServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) }, smsc);
        await server.StartAsync(TestContext.Current.CancellationToken);
        return (server, smsc);
    }

    [Fact]
    public async Task Npm_esme_binds_with_interface_version_0x50_and_is_answered_as_v34()
    {
        var (server, smsc) = await StartServerAsync();
        await using var _ = server;
        await using var esme = await NodePeer.StartAsync("esme.js", "--port", server.LocalEndPoint.Port.ToString(), "--count", "1");

        var result = await esme.WaitForResultAsync(PeerTimeout);

        Assert.Equal(0, result.GetProperty("bind_status").GetInt32());
        Assert.Equal(0x34, result.GetProperty("sc_interface_version").GetInt32());
        Assert.Equal((byte)0x50, Assert.Single(smsc.InterfaceVersions));
    }

    [Fact]
    public async Task Npm_esme_submits_and_every_receipt_it_gets_matches_a_message_id()
    {
        var (server, smsc) = await StartServerAsync();
        await using var _ = server;
        await using var esme = await NodePeer.StartAsync("esme.js", "--port", server.LocalEndPoint.Port.ToString(), "--count", "50");

        var result = await esme.WaitForResultAsync(PeerTimeout);

        Assert.Equal(50, result.GetProperty("ok").GetInt32());
        Assert.Equal(50, result.GetProperty("receipts_matched").GetInt32());
        Assert.All(result.GetProperty("receipts").EnumerateArray(), r => Assert.Equal(4, r.GetProperty("esm_class").GetInt32()));
        Assert.All(smsc.Texts, t => Assert.Equal("Hello from the npm smpp package", t));
    }

    [Fact]
    public async Task Npm_esme_unicode_text_arrives_intact()
    {
        var (server, smsc) = await StartServerAsync();
        await using var _ = server;
        const string Text = "Привет, мир — 你好 ✓";
        await using var esme = await NodePeer.StartAsync("esme.js", "--port", server.LocalEndPoint.Port.ToString(), "--count", "3", "--unicode", "--text", Text);

        var result = await esme.WaitForResultAsync(PeerTimeout);

        Assert.Equal(3, result.GetProperty("ok").GetInt32());
        Assert.Equal([Text, Text, Text], smsc.Texts.ToArray());
    }

    [Fact]
    public async Task Npm_esme_with_a_wrong_password_gets_ESME_RINVPASWD()
    {
        var (server, _) = await StartServerAsync();
        await using var __ = server;
        await using var esme = await NodePeer.StartAsync("esme.js", "--port", server.LocalEndPoint.Port.ToString(), "--password", "wrong");

        var result = await esme.WaitForResultAsync(PeerTimeout);

        Assert.Equal(0x0E, result.GetProperty("bind_status").GetInt32());
        Assert.Equal(0, result.GetProperty("submitted").GetInt32());
    }

    [Fact]
    public async Task Npm_esme_acknowledges_receipts_with_ok()
    {
        var (server, smsc) = await StartServerAsync();
        await using var _ = server;
        await using var esme = await NodePeer.StartAsync("esme.js", "--port", server.LocalEndPoint.Port.ToString(), "--count", "10");

        await esme.WaitForResultAsync(PeerTimeout);

        Assert.Equal(10, smsc.ReceiptResponses.Count);
        Assert.All(smsc.ReceiptResponses, s => Assert.Equal(Protocol.CommandStatus.Ok, s));
    }
}
