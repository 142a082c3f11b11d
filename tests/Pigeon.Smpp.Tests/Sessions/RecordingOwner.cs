using System.Collections.Concurrent;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

/// <summary>A session owner whose decisions each test sets, recording what the session asked of it.</summary>
internal sealed class RecordingOwner : ISmppSessionOwner
{
    public Func<BindRequest, CommandStatus> Authenticate { get; set; } = _ => CommandStatus.Ok;

    public Func<RequestPdu, CancellationToken, ValueTask<ResponsePdu?>> Handle { get; set; } =
        (_, _) => ValueTask.FromResult<ResponsePdu?>(null);

    public ConcurrentQueue<RequestPdu> Requests { get; } = new();

    public TaskCompletionSource Bound { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask<CommandStatus> AuthenticateAsync(SmppSession session, BindRequest bind, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Authenticate(bind));

    public ValueTask<ResponsePdu?> HandleAsync(SmppSession session, RequestPdu request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Handle(request, cancellationToken);
    }

    public void OnBound(SmppSession session) => Bound.TrySetResult();

    public void OnClosed(SmppSession session) => Closed.TrySetResult();
}
