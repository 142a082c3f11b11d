using System.Net;
using System.Net.Sockets;

namespace Pigeon.Server.Tests.Support;

/// <summary>A TCP port free on loopback right now, for a process to listen on.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
