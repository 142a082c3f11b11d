using System.Collections.Concurrent;
using System.Globalization;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Server;

namespace Pigeon.Smpp.Tests.Server;

/// <summary>
/// An SMSC application for tests: accepts one password, answers submit_sm with numbered message ids unless a test
/// replaces <see cref="Handle"/>, and records binds, requests and closed sessions.
/// </summary>
internal sealed class TestServerHandler : ISmppServerHandler
{
    private int _messageIds;
    private int _accepted;
    private readonly TaskCompletionSource<SmppServerSession> _firstBound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Password { get; set; } = "secret";

    public Func<SmppServerSession, RequestPdu, CancellationToken, ValueTask<ResponsePdu?>>? Handle { get; set; }

    public ConcurrentQueue<RequestPdu> Requests { get; } = new();

    public ConcurrentQueue<SmppServerSession> Bound { get; } = new();

    public ConcurrentQueue<SmppServerSession> Closed { get; } = new();

    public int AcceptedBinds => Volatile.Read(ref _accepted);

    /// <summary>The first session that bound; OnSessionBound runs just after the bind response is queued, so wait.</summary>
    public Task<SmppServerSession> FirstBoundAsync() =>
        _firstBound.Task.WaitAsync(Sessions.RawPeer.Patience, TestContext.Current.CancellationToken);

    public ValueTask<CommandStatus> AuthenticateAsync(SmppServerSession session, BindRequest bind, CancellationToken cancellationToken)
    {
        if (bind.Password != Password)
        {
            return ValueTask.FromResult(CommandStatus.InvalidPassword);
        }

        Interlocked.Increment(ref _accepted);
        return ValueTask.FromResult(CommandStatus.Ok);
    }

    public ValueTask<ResponsePdu?> HandleAsync(SmppServerSession session, RequestPdu request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (Handle is not null)
        {
            return Handle(session, request, cancellationToken);
        }

        var id = Interlocked.Increment(ref _messageIds).ToString(CultureInfo.InvariantCulture);
        return ValueTask.FromResult<ResponsePdu?>(request is SubmitSm ? new SubmitSmResp { MessageId = id } : null);
    }

    public void OnSessionBound(SmppServerSession session)
    {
        Bound.Enqueue(session);
        _firstBound.TrySetResult(session);
    }

    public void OnSessionClosed(SmppServerSession session) => Closed.Enqueue(session);
}
