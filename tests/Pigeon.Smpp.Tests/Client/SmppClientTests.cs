using Microsoft.Extensions.Time.Testing;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Server;
using Pigeon.Smpp.Sessions;
using Pigeon.Smpp.Tests.Server;
using Pigeon.Smpp.Tests.Sessions;

namespace Pigeon.Smpp.Tests.Client;

// SmppClient against an in-process SmppServer over in-memory pipes (fake clock where time matters).
public sealed class SmppClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitAsync_returns_the_smscs_response()
    {
        await using var link = await Link.StartAsync();

        var response = await link.Client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal("1", response.MessageId);
        Assert.IsType<SubmitSm>(Assert.Single(link.Handler.Requests));
    }

    [Fact]
    public async Task ConnectAsync_reports_the_bind_status_when_refused()
    {
        await using var link = await Link.StartAsync(connect: false, configure: o => o.Password = "nope");

        var error = await Assert.ThrowsAsync<SmppBindException>(() => link.Client.ConnectAsync(Ct));

        Assert.Equal(CommandStatus.InvalidPassword, error.Status);
        Assert.Contains("InvalidPassword", error.Message, StringComparison.Ordinal);
        Assert.False(link.Client.IsBound);
    }

    [Fact]
    public async Task Client_can_connect_again_after_a_refused_bind()
    {
        await using var link = await Link.StartAsync(connect: false);
        link.Handler.Password = "other";
        await Assert.ThrowsAsync<SmppBindException>(() => link.Client.ConnectAsync(Ct));

        link.Handler.Password = "secret";
        await link.Client.ConnectAsync(Ct);

        Assert.True(link.Client.IsBound);
    }

    [Fact]
    public async Task SendAsync_before_ConnectAsync_is_an_error()
    {
        await using var link = await Link.StartAsync(connect: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => link.Client.SubmitAsync(RawPeer.Submit(), Ct).AsTask());
    }

    [Fact]
    public async Task Generic_nack_answering_a_submit_arrives_as_a_submit_sm_resp_with_its_status()
    {
        await using var link = await Link.StartAsync(handler: (_, _, _) =>
            ValueTask.FromResult<ResponsePdu?>(new GenericNack { CommandStatus = CommandStatus.InvalidCommandId }));

        var response = await link.Client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.InvalidCommandId, response.CommandStatus);
    }

    [Fact]
    public async Task Deliver_sm_reaches_the_request_handler_and_its_answer_goes_back()
    {
        var received = new TaskCompletionSource<DeliverSm>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var link = await Link.StartAsync(requestHandler: (request, _) =>
        {
            received.TrySetResult((DeliverSm)request);
            return ValueTask.FromResult<ResponsePdu?>(request.CreateResponse(CommandStatus.ReceiverTemporaryAppError));
        });
        var session = await link.Handler.FirstBoundAsync();

        var response = await session.SendAsync(new DeliverSm { ReceiptedMessageId = "42" }, Ct);

        Assert.Equal(CommandStatus.ReceiverTemporaryAppError, response.CommandStatus);
        Assert.Equal("42", (await received.Task.WaitAsync(RawPeer.Patience, Ct)).ReceiptedMessageId);
    }

    [Fact]
    public async Task Receiver_bind_refuses_to_send_submit_sm()
    {
        await using var link = await Link.StartAsync(configure: o => o.BindMode = BindMode.Receiver);

        var error = await Assert.ThrowsAsync<SmppException>(() => link.Client.SubmitAsync(RawPeer.Submit(), Ct).AsTask());

        Assert.Equal(CommandStatus.InvalidBindStatus, error.Status);
        Assert.Equal(SmppSessionState.BoundReceiver, link.Client.State);
    }

    [Fact]
    public async Task Throttled_submit_backs_off_then_succeeds()
    {
        var time = SessionHarness.NewFakeTime();
        var attempts = 0;
        await using var link = await Link.StartAsync(time: time, handler: (_, request, _) =>
            ValueTask.FromResult<ResponsePdu?>(Interlocked.Increment(ref attempts) <= 2
                ? request.CreateResponse(CommandStatus.Throttled)
                : new SubmitSmResp { MessageId = "ok" }));

        var submit = link.Client.SubmitAsync(RawPeer.Submit(), Ct).AsTask();
        await Loopback.Eventually(() => Volatile.Read(ref attempts) == 1);
        await Task.Delay(50, Ct);
        Assert.Equal(1, Volatile.Read(ref attempts));
        var firstPause = await AdvanceUntil(time, () => Volatile.Read(ref attempts) == 2);
        var secondPause = await AdvanceUntil(time, () => submit.IsCompleted);
        var response = await submit;

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal("ok", response.MessageId);
        Assert.Equal(3, attempts);
        Assert.True(firstPause >= TimeSpan.FromMilliseconds(100), $"first pause {firstPause}");
        Assert.True(secondPause >= TimeSpan.FromMilliseconds(200), $"second pause {secondPause}");
    }

    [Fact]
    public async Task Later_submits_also_wait_out_the_back_off()
    {
        var time = SessionHarness.NewFakeTime();
        var throttleNext = 1;
        await using var link = await Link.StartAsync(time: time, handler: (_, request, _) =>
            ValueTask.FromResult<ResponsePdu?>(Interlocked.Exchange(ref throttleNext, 0) == 1
                ? request.CreateResponse(CommandStatus.MessageQueueFull)
                : new SubmitSmResp()));
        var first = link.Client.SubmitAsync(RawPeer.Submit(), Ct).AsTask();
        await Loopback.Eventually(() => link.Handler.Requests.Count == 1);
        await Task.Delay(50, Ct);

        var second = link.Client.SubmitAsync(RawPeer.Submit("later"), Ct).AsTask();
        await Task.Delay(50, Ct);
        Assert.Single(link.Handler.Requests);
        await AdvanceUntil(time, () => first.IsCompleted && second.IsCompleted);

        Assert.Equal(CommandStatus.Ok, (await first).CommandStatus);
        Assert.Equal(CommandStatus.Ok, (await second).CommandStatus);
        Assert.Equal(3, link.Handler.Requests.Count);
    }

    [Fact]
    public async Task Throttle_retries_can_be_turned_off()
    {
        await using var link = await Link.StartAsync(
            configure: o => o.MaxThrottleRetries = 0,
            handler: (_, request, _) => ValueTask.FromResult<ResponsePdu?>(request.CreateResponse(CommandStatus.Throttled)));

        var response = await link.Client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.Throttled, response.CommandStatus);
        Assert.Single(link.Handler.Requests);
    }

    [Fact]
    public async Task Throttling_that_persists_is_returned_after_the_last_retry()
    {
        await using var link = await Link.StartAsync(
            configure: o =>
            {
                o.MaxThrottleRetries = 2;
                o.ThrottleBackoffMin = TimeSpan.FromMilliseconds(1);
                o.ThrottleBackoffMax = TimeSpan.FromMilliseconds(5);
            },
            handler: (_, request, _) => ValueTask.FromResult<ResponsePdu?>(request.CreateResponse(CommandStatus.Throttled)));

        var response = await link.Client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.Throttled, response.CommandStatus);
        Assert.Equal(3, link.Handler.Requests.Count);
    }

    [Fact]
    public async Task Outstanding_request_fails_with_link_down_when_the_server_drops_the_link()
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var link = await Link.StartAsync(
            configure: o => o.AutoReconnect = false,
            handler: async (_, _, ct) =>
            {
                handled.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return null;
            });
        var submit = link.Client.SubmitAsync(RawPeer.Submit(), Ct).AsTask();
        await handled.Task.WaitAsync(RawPeer.Patience, Ct);

        await (await link.Handler.FirstBoundAsync()).CloseAsync();

        await Assert.ThrowsAsync<SmppLinkDownException>(() => submit);
        await Assert.ThrowsAsync<SmppLinkDownException>(() => link.Client.SubmitAsync(RawPeer.Submit(), Ct).AsTask());
    }

    [Fact]
    public async Task Client_rebinds_after_the_server_drops_the_link()
    {
        await using var link = await Link.StartAsync(configure: o =>
        {
            o.ReconnectDelayMin = TimeSpan.FromMilliseconds(20);
            o.ReconnectDelayMax = TimeSpan.FromMilliseconds(100);
        });

        await (await link.Handler.FirstBoundAsync()).CloseAsync();
        await Loopback.Eventually(() => link.Client.BindCount == 2);
        var response = await link.Client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal(2, link.Connector.Connections);
        Assert.Equal(2, link.Handler.AcceptedBinds);
    }

    [Fact]
    public async Task Submit_made_while_the_link_is_down_waits_for_the_rebind()
    {
        await using var link = await Link.StartAsync(configure: o =>
        {
            o.ReconnectDelayMin = TimeSpan.FromMilliseconds(300);
            o.ReconnectDelayMax = TimeSpan.FromMilliseconds(300);
        });

        await (await link.Handler.FirstBoundAsync()).CloseAsync();
        await Loopback.Eventually(() => !link.Client.IsBound || link.Client.BindCount == 2);
        var response = await link.Client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal(2, link.Client.BindCount);
    }

    [Fact]
    public async Task DisposeAsync_unbinds_from_the_server()
    {
        await using var link = await Link.StartAsync();
        var session = await link.Handler.FirstBoundAsync();

        await link.Client.DisposeAsync();

        await session.Completion.WaitAsync(RawPeer.Patience, Ct);
        Assert.Equal(SmppCloseReason.PeerUnbound, session.CloseReason);
        Assert.Equal(SmppSessionState.Closed, link.Client.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => link.Client.SubmitAsync(RawPeer.Submit(), Ct).AsTask());
    }

    [Fact]
    public async Task Server_unbind_is_answered_and_the_client_reconnects()
    {
        await using var link = await Link.StartAsync(configure: o =>
        {
            o.ReconnectDelayMin = TimeSpan.FromMilliseconds(20);
            o.ReconnectDelayMax = TimeSpan.FromMilliseconds(100);
        });
        var first = await link.Handler.FirstBoundAsync();

        await first.UnbindAsync(Ct);
        await Loopback.Eventually(() => link.Client.BindCount == 2 && link.Client.IsBound);

        Assert.Equal(SmppCloseReason.Unbound, first.CloseReason);
    }

    [Fact]
    public async Task Response_time_out_reaches_the_caller()
    {
        var time = SessionHarness.NewFakeTime();
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var link = await Link.StartAsync(
            time: time,
            configure: o => o.ResponseTimeout = TimeSpan.FromSeconds(5),
            handler: async (_, _, ct) =>
            {
                handled.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return null;
            });

        var submit = link.Client.SubmitAsync(RawPeer.Submit(), Ct).AsTask();
        await handled.Task.WaitAsync(RawPeer.Patience, Ct);
        time.Advance(TimeSpan.FromSeconds(6));

        var error = await Assert.ThrowsAsync<SmppResponseTimeoutException>(() => submit);
        Assert.Equal(CommandId.SubmitSm, error.CommandId);
    }

    /// <summary>Moves the fake clock in small steps until the condition holds; returns how far it moved.</summary>
    private static async Task<TimeSpan> AdvanceUntil(FakeTimeProvider time, Func<bool> condition)
    {
        var step = TimeSpan.FromMilliseconds(10);
        var moved = TimeSpan.Zero;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(RawPeer.Patience);
        while (!condition())
        {
            time.Advance(step);
            moved += step;
            await Task.Delay(5, patience.Token);
        }

        return moved;
    }

    /// <summary>A server and a client joined in memory.</summary>
    private sealed class Link : IAsyncDisposable
    {
        private Link(SmppServer server, TestServerHandler handler, SmppClient client, InMemoryConnector connector)
        {
            Server = server;
            Handler = handler;
            Client = client;
            Connector = connector;
        }

        public SmppServer Server { get; }

        public TestServerHandler Handler { get; }

        public SmppClient Client { get; }

        public InMemoryConnector Connector { get; }

        public static async Task<Link> StartAsync(
            bool connect = true,
            Action<SmppClientOptions>? configure = null,
            Func<SmppServerSession, RequestPdu, CancellationToken, ValueTask<ResponsePdu?>>? handler = null,
            SmppRequestHandler? requestHandler = null,
            FakeTimeProvider? time = null)
        {
            var serverHandler = new TestServerHandler { Handle = handler };
            var server = new SmppServer(new SmppServerOptions { SystemId = "SMSC" }, serverHandler, timeProvider: time);
            var connector = new InMemoryConnector(server);
            var options = new SmppClientOptions { SystemId = "esme", Password = "secret" };
            configure?.Invoke(options);
            var client = new SmppClient(options, requestHandler, logger: null, timeProvider: time, connector);
            if (connect)
            {
                await client.ConnectAsync(TestContext.Current.CancellationToken);
            }

            return new Link(server, serverHandler, client, connector);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
