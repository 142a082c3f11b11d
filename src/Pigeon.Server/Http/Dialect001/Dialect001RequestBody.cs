using System.Buffers;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// A request body read whole into a pooled buffer (given back on <see cref="Dispose"/>), within Kestrel's
/// Pigeon:Http:MaxRequestBodyBytes (beyond it: 413 <c>body_too_large</c>), and checked to be UTF-8 as the
/// document requires (else 400 <c>invalid_utf8</c>). A UTF-8 byte order mark is dropped.
/// </summary>
internal sealed class Dialect001RequestBody : IDisposable
{
    private const int FirstBufferBytes = 4096;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private byte[] _buffer;
    private int _start;
    private int _length;

    private Dialect001RequestBody(byte[] buffer)
    {
        _buffer = buffer;
    }

    /// <summary>The body's bytes, without a byte order mark.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_start, _length - _start);

    /// <summary>The body's bytes as memory (for a stream over them).</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(_start, _length - _start);

    /// <summary>A read-only stream over the body's bytes.</summary>
    public MemoryStream OpenStream() => new(_buffer, _start, _length - _start, writable: false);

    /// <summary>Reads the body of <paramref name="request"/>; the error instead when it is too large or not UTF-8.</summary>
    public static async ValueTask<(Dialect001RequestBody? Body, Dialect001Error? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var first = request.ContentLength is > 0 and <= 1 << 20 ? (int)request.ContentLength.Value : FirstBufferBytes;
        var body = new Dialect001RequestBody(ArrayPool<byte>.Shared.Rent(first));
        try
        {
            while (true)
            {
                if (body._length == body._buffer.Length)
                {
                    body.Grow();
                }

                var read = await request.Body.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                body._length += read;
            }
        }
        catch (BadHttpRequestException e)
        {
            body.Dispose();
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new Dialect001Error(StatusCodes.Status413PayloadTooLarge, "body_too_large", "The request body is larger than this server accepts.")
                : Dialect001Error.Validation("invalid_body", "The request body could not be read."));
        }

        if (body._buffer.AsSpan(0, body._length).StartsWith(Utf8Bom))
        {
            body._start = Utf8Bom.Length;
        }

        if (!Utf8.IsValid(body.Span))
        {
            body.Dispose();
            return (null, Dialect001Error.Validation("invalid_utf8", "The request body is not valid UTF-8; all data must be encoded in UTF-8."));
        }

        return (body, null);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
