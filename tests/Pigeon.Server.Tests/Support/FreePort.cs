using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Pigeon.Server.Tests.Support;

/// <summary>
/// A TCP port free on loopback right now, for a process to listen on. The port is released before the process binds
/// it, and the kernel may hand the same port to the next caller; a test that took two ports and got one twice had
/// its server and its simulator fight over it ("Address already in use"). So no port is handed out twice in one
/// test run.
/// </summary>
internal static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }
    }
}
