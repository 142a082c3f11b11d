using System.IO.Pipelines;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Server;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Client;

/// <summary>Connects a client straight to a server through a pair of in-memory pipes: no sockets, no ports.</summary>
internal sealed class InMemoryConnector : ISmppConnector
{
    private readonly SmppServer _server;
    private int _connections;

    public InMemoryConnector(SmppServer server) => _server = server;

    public int Connections => Volatile.Read(ref _connections);

    public ValueTask<SmppTransport> ConnectAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connections);
        var toServer = new Pipe();
        var toClient = new Pipe();
        _server.Attach(new SmppTransport(toServer.Reader, toClient.Writer, remoteEndPoint: null, resource: null));
        return ValueTask.FromResult(new SmppTransport(toClient.Reader, toServer.Writer, remoteEndPoint: null, resource: null));
    }
}
