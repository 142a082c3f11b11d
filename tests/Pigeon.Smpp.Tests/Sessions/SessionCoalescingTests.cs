using System.IO.Pipelines;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

// Writes: every PDU queued while a send is in progress goes out in the next single send.
public sealed class SessionCoalescingTests
{
    [Fact]
    public async Task Pdus_queued_during_a_send_go_out_together_in_one_more_send()
    {
        var toSession = new Pipe();
        var toPeer = new Pipe();
        var counting = new GatedCountingStream(toPeer.Writer.AsStream());
        var transport = new SmppTransport(toSession.Reader, PipeWriter.Create(counting), null, null);
        var session = new SmppSession(transport, SmppRole.Esme, new SmppSessionOptions { WindowSize = 100 }, new RecordingOwner(), "esme");
        session.Start();
        var pending = new List<Task<ResponsePdu>> { session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask() };
        await counting.FirstWriteStarted.Task.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);

        for (var i = 1; i < 100; i++)
        {
            pending.Add(session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask());
        }

        counting.OpenGate();
        var frames = 0;
        while (frames < 100)
        {
            var result = await toPeer.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);
            var whole = (int)(result.Buffer.Length / 16);
            frames += whole;
            toPeer.Reader.AdvanceTo(result.Buffer.GetPosition(whole * 16), result.Buffer.End);
        }

        Assert.Equal(100, frames);
        Assert.Equal(2, counting.Writes);
        Assert.Equal(2, session.Sends);
        await session.CloseAsync();
        await Task.WhenAll(pending.Select(p => Assert.ThrowsAsync<SmppLinkDownException>(() => p)));
    }

    [Fact]
    public async Task Lone_pdu_is_sent_at_once()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme);

        _ = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();

        await harness.Peer.ReceiveAsync<EnquireLink>();
        Assert.Equal(1, harness.Session.Sends);
    }
}
