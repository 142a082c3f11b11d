using System.Buffers;
using System.IO.Pipelines;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

/// <summary>
/// The far end of a session under test, speaking bytes: it writes exactly what a test gives it and decodes what
/// the session sends, so tests see the wire rather than the library's own view of it.
/// </summary>
internal sealed class RawPeer : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly IAsyncDisposable? _resource;

    private RawPeer(PipeReader input, PipeWriter output, IAsyncDisposable? resource)
    {
        _input = input;
        _output = output;
        _resource = resource;
    }

    /// <summary>An in-memory link: the transport for the session and the peer holding the other end.</summary>
    public static (SmppTransport Transport, RawPeer Peer) CreateLink()
    {
        var toSession = new Pipe();
        var toPeer = new Pipe();
        var transport = new SmppTransport(toSession.Reader, toPeer.Writer, remoteEndPoint: null, resource: null);
        return (transport, new RawPeer(toPeer.Reader, toSession.Writer, null));
    }

    /// <summary>A peer over a connected stream (a TCP socket in server tests).</summary>
    public static RawPeer OverStream(Stream stream) =>
        new(PipeReader.Create(stream), PipeWriter.Create(stream), stream);

    public async Task SendAsync(Pdu pdu, uint sequenceNumber)
    {
        pdu.SequenceNumber = sequenceNumber;
        await SendBytesAsync(PduEncoder.ToArray(pdu));
    }

    public async Task SendBytesAsync(ReadOnlyMemory<byte> bytes)
    {
        var result = await _output.WriteAsync(bytes);
        Assert.False(result.IsCanceled);
    }

    /// <summary>Reads the next whole frame and decodes it; fails the test if the stream ends first.</summary>
    public async Task<Pdu> ReceiveAsync()
    {
        var frame = await ReceiveFrameAsync() ?? throw new Xunit.Sdk.XunitException("The session closed the stream instead of sending a PDU.");
        var decoded = PduDecoder.Decode(frame);
        Assert.True(decoded.IsSuccess, $"The session sent an undecodable {decoded.Header.CommandId}: {decoded.Error}");
        return decoded.Pdu!;
    }

    public async Task<T> ReceiveAsync<T>()
        where T : Pdu => Assert.IsType<T>(await ReceiveAsync());

    /// <summary>Reads the next whole frame, or null when the stream ends.</summary>
    public async Task<byte[]?> ReceiveFrameAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var result = await _input.ReadAsync(patience.Token);
            var buffer = result.Buffer;
            var status = SmppFrameReader.TryReadFrame(ref buffer, SmppFrameReader.DefaultMaxCommandLength, out _, out var frame);
            if (status == FrameStatus.Complete)
            {
                var bytes = frame.ToArray();
                _input.AdvanceTo(buffer.Start);
                return bytes;
            }

            Assert.NotEqual(FrameStatus.InvalidLength, status);
            _input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>Reads until the session closes the stream; returns the PDUs that came before the end.</summary>
    public async Task<List<Pdu>> ReceiveUntilClosedAsync()
    {
        var pdus = new List<Pdu>();
        while (await ReceiveFrameAsync() is { } frame)
        {
            pdus.Add(PduDecoder.Decode(frame).Pdu!);
        }

        return pdus;
    }

    /// <summary>True if bytes are already waiting, without blocking.</summary>
    public bool HasPendingBytes()
    {
        if (!_input.TryRead(out var result))
        {
            return false;
        }

        var any = !result.Buffer.IsEmpty;
        _input.AdvanceTo(result.Buffer.Start);
        return any;
    }

    /// <summary>Binds as an ESME and returns the SMSC's response.</summary>
    public async Task<BindResponse> BindAsync(BindRequest bind, uint sequenceNumber = 1)
    {
        await SendAsync(bind, sequenceNumber);
        var response = await ReceiveAsync();
        return Assert.IsAssignableFrom<BindResponse>(response);
    }

    public static BindTransceiver Transceiver(string systemId = "esme", string password = "secret") =>
        new() { SystemId = systemId, Password = password };

    public static SubmitSm Submit(string text = "hello") => new()
    {
        Source = SmppAddress.International("4917000000"),
        Destination = SmppAddress.International("4917111111"),
        ShortMessage = System.Text.Encoding.ASCII.GetBytes(text),
    };

    public void Close() => _output.Complete();

    public async ValueTask DisposeAsync()
    {
        await _output.CompleteAsync();
        await _input.CompleteAsync();
        if (_resource is not null)
        {
            await _resource.DisposeAsync();
        }
    }
}
