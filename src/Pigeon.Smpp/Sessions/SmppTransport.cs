using System.IO.Pipelines;
using System.Net;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// The byte stream a session runs over: a duplex pipe plus whatever must be disposed when the session ends
/// (a socket's stream, a TLS stream). Sockets and TLS streams are adapted with <see cref="PipeReader.Create(Stream, StreamPipeReaderOptions?)"/>
/// and <see cref="PipeWriter.Create(Stream, StreamPipeWriterOptions?)"/>; tests pass an in-memory pipe pair.
/// </summary>
internal sealed class SmppTransport : IDuplexPipe, IAsyncDisposable
{
    private const int ReadBufferSize = 64 * 1024;
    private const int MinimumReadSize = 4 * 1024;

    private readonly IAsyncDisposable? _resource;
    private int _disposed;

    public SmppTransport(PipeReader input, PipeWriter output, EndPoint? remoteEndPoint, IAsyncDisposable? resource)
    {
        Input = input;
        Output = output;
        RemoteEndPoint = remoteEndPoint;
        _resource = resource;
    }

    /// <inheritdoc />
    public PipeReader Input { get; }

    /// <inheritdoc />
    public PipeWriter Output { get; }

    /// <summary>The peer's address, when there is a network peer.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Wraps a connected stream (network or TLS); the stream is disposed with the transport.</summary>
    public static SmppTransport FromStream(Stream stream, EndPoint? remoteEndPoint)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: ReadBufferSize, minimumReadSize: MinimumReadSize, leaveOpen: true));
        var output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        return new SmppTransport(input, output, remoteEndPoint, stream);
    }

    /// <summary>Wraps a duplex pipe, e.g. one end of an in-memory pair.</summary>
    public static SmppTransport FromPipe(IDuplexPipe pipe, EndPoint? remoteEndPoint = null)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        return new SmppTransport(pipe.Input, pipe.Output, remoteEndPoint, null);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_resource is not null)
        {
            try
            {
                await _resource.DisposeAsync();
            }
#pragma warning disable CA1031 // Disposing a broken connection may fail in transport-specific ways; it is gone either way.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
