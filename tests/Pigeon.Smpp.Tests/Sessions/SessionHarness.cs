using Microsoft.Extensions.Time.Testing;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

/// <summary>A started session on one end of an in-memory link and a <see cref="RawPeer"/> on the other.</summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    private SessionHarness(SmppSession session, RawPeer peer, RecordingOwner owner, TimeProvider time)
    {
        Session = session;
        Peer = peer;
        Owner = owner;
        Time = time;
    }

    public SmppSession Session { get; }

    public RawPeer Peer { get; }

    public RecordingOwner Owner { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public static SessionHarness Start(SmppRole role, SmppSessionOptions? options = null, TimeProvider? time = null, RecordingOwner? owner = null, uint lastSequenceNumber = 0)
    {
        var (transport, peer) = RawPeer.CreateLink();
        owner ??= new RecordingOwner();
        time ??= TimeProvider.System;
        var session = new SmppSession(transport, role, options ?? new SmppSessionOptions(), owner, "smsc", time);
        session.LastSequenceNumber = lastSequenceNumber;
        session.Start();
        return new SessionHarness(session, peer, owner, time);
    }

    /// <summary>A fake clock that starts at a fixed, arbitrary instant.</summary>
    public static FakeTimeProvider NewFakeTime() => new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Waits, in real time, for the session to close.</summary>
    public Task Closed() => Session.Completion.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Session.CloseAsync();
        await Peer.DisposeAsync();
    }
}
