using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pigeon.Server.Tests.Support;

/// <summary>An HTTP proxy that answers every request 204 (or 407 until it gets the authorization it wants).</summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _connections;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<string> RequestLines { get; } = new();

    public string? RequiredAuthorization { get; set; }

    public static RecordingProxy Start()
    {
        var proxy = new RecordingProxy();
        proxy._listener.Start();
        proxy._loop = proxy.AcceptAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(connection);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            await AnswerAsync(connection);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client hung up or the proxy is stopping.
        }
    }

    private async Task AnswerAsync(TcpClient connection)
    {
        using (connection)
        {
            var stream = connection.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } requestLine)
            {
                var headers = new List<string>();
                while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } header)
                {
                    headers.Add(header);
                }

                var length = headers.Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                    .FirstOrDefault();
                var body = new char[length];
                await reader.ReadBlockAsync(body, _stop.Token);
                var authorized = RequiredAuthorization is null
                    || headers.Contains("Proxy-Authorization: " + RequiredAuthorization, StringComparer.Ordinal);
                if (authorized)
                {
                    RequestLines.Enqueue(requestLine);
                }

                var answer = authorized
                    ? "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"
                    : "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
            }
        }
    }
}
