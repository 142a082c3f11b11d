using System.Net;
using System.Net.Sockets;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Server;
using Pigeon.Smpp.Tests.Sessions;

namespace Pigeon.Smpp.Tests.Server;

/// <summary>Servers and clients over real loopback sockets, with settings that suit a loaded test machine.</summary>
internal static class Loopback
{
    public static async Task<SmppServer> StartServerAsync(TestServerHandler handler, Action<SmppServerOptions>? configure = null)
    {
        var options = new SmppServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), SystemId = "SMSC" };
        configure?.Invoke(options);
        var server = new SmppServer(options, handler);
        await server.StartAsync(TestContext.Current.CancellationToken);
        return server;
    }

    public static SmppClientOptions ClientOptions(SmppServer server, string systemId = "esme", string password = "secret") => new()
    {
        Host = "127.0.0.1",
        Port = server.LocalEndPoint.Port,
        SystemId = systemId,
        Password = password,
        ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
    };

    public static async Task<SmppClient> ConnectAsync(SmppServer server, Action<SmppClientOptions>? configure = null, SmppRequestHandler? handler = null)
    {
        var options = ClientOptions(server);
        configure?.Invoke(options);
        var client = new SmppClient(options, handler);
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>A raw TCP peer to the server, for sending bytes no client would.</summary>
    public static async Task<RawPeer> ConnectRawAsync(SmppServer server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server.LocalEndPoint, TestContext.Current.CancellationToken);
        return RawPeer.OverStream(new NetworkStream(socket, ownsSocket: true));
    }

    public static async Task Eventually(Func<bool> condition)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(RawPeer.Patience);
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
