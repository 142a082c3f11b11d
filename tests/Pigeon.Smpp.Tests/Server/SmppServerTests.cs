using System.Buffers.Binary;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Server;
using Pigeon.Smpp.Sessions;
using Pigeon.Smpp.Tests.Sessions;

namespace Pigeon.Smpp.Tests.Server;

// SmppServer over real loopback sockets.
public sealed class SmppServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Port_0_listens_on_a_free_port_reported_by_LocalEndPoint()
    {
        await using var server = await Loopback.StartServerAsync(new TestServerHandler());

        Assert.NotEqual(0, server.LocalEndPoint.Port);
    }

    [Fact]
    public async Task Client_binds_and_its_submit_gets_the_handlers_message_id()
    {
        var handler = new TestServerHandler();
        await using var server = await Loopback.StartServerAsync(handler);
        await using var client = await Loopback.ConnectAsync(server);

        var response = await client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal("1", response.MessageId);
        Assert.Equal("SMSC", client.ServerSystemId);
        Assert.Equal((byte)0x34, client.ServerInterfaceVersion);
        var session = await handler.FirstBoundAsync();
        Assert.Equal("esme", session.SystemId);
        Assert.Equal(BindMode.Transceiver, session.BindMode);
        Assert.NotNull(session.RemoteEndPoint);
    }

    [Fact]
    public async Task Wrong_password_status_reaches_the_client()
    {
        await using var server = await Loopback.StartServerAsync(new TestServerHandler());

        var error = await Assert.ThrowsAsync<SmppBindException>(() => Loopback.ConnectAsync(server, o => o.Password = "wrong"));

        Assert.Equal(CommandStatus.InvalidPassword, error.Status);
        await Loopback.Eventually(() => server.SessionCount == 0);
    }

    [Fact]
    public async Task Bind_beyond_max_sessions_is_refused_with_bind_failed()
    {
        await using var server = await Loopback.StartServerAsync(new TestServerHandler(), o => o.MaxSessions = 1);
        await using var first = await Loopback.ConnectAsync(server);

        var error = await Assert.ThrowsAsync<SmppBindException>(() => Loopback.ConnectAsync(server));

        Assert.Equal(CommandStatus.BindFailed, error.Status);
        Assert.Equal(1, server.BoundSessionCount);
        Assert.Equal(CommandStatus.Ok, (await first.SubmitAsync(RawPeer.Submit(), Ct)).CommandStatus);
    }

    [Fact]
    public async Task A_slot_freed_by_a_closed_session_can_be_bound_again()
    {
        await using var server = await Loopback.StartServerAsync(new TestServerHandler(), o => o.MaxSessions = 1);
        var first = await Loopback.ConnectAsync(server);
        await first.DisposeAsync();
        await Loopback.Eventually(() => server.BoundSessionCount == 0);

        await using var second = await Loopback.ConnectAsync(server);

        Assert.True(second.IsBound);
    }

    [Fact]
    public async Task StopAsync_unbinds_every_session_and_stops_listening()
    {
        var handler = new TestServerHandler();
        var server = await Loopback.StartServerAsync(handler);
        var endPoint = server.LocalEndPoint;
        await using var a = await Loopback.ConnectAsync(server, o => o.AutoReconnect = false);
        await using var b = await Loopback.ConnectAsync(server, o => o.AutoReconnect = false);

        await server.StopAsync(Ct);

        Assert.Equal(0, server.SessionCount);
        Assert.Equal(2, handler.Closed.Count);
        Assert.All(handler.Closed, s => Assert.Equal(SmppCloseReason.Unbound, s.CloseReason));
        await Loopback.Eventually(() => !a.IsBound && !b.IsBound);
        using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => probe.ConnectAsync(endPoint, Ct).AsTask());
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Tls_with_a_self_signed_certificate_binds_and_submits()
    {
        using var certificate = TestCertificates.CreateSelfSigned();
        await using var server = await Loopback.StartServerAsync(new TestServerHandler(), o => o.Certificate = certificate);
        var seen = 0;

        await using var client = await Loopback.ConnectAsync(server, o =>
        {
            o.UseTls = true;
            o.TlsTargetHost = "localhost";
            o.RemoteCertificateValidation = (_, presented, _, _) =>
            {
                Interlocked.Increment(ref seen);
                return presented?.GetCertHashString() == certificate.GetCertHashString();
            };
        });
        var response = await client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.True(seen > 0);
    }

    [Fact]
    public async Task Tls_client_refusing_the_certificate_does_not_bind()
    {
        using var certificate = TestCertificates.CreateSelfSigned();
        await using var server = await Loopback.StartServerAsync(new TestServerHandler(), o => o.Certificate = certificate);

        await Assert.ThrowsAsync<System.Security.Authentication.AuthenticationException>(() => Loopback.ConnectAsync(server, o =>
        {
            o.UseTls = true;
            o.TlsTargetHost = "localhost";
            o.RemoteCertificateValidation = (_, _, _, _) => false;
        }));
        Assert.Equal(0, server.BoundSessionCount);
    }

    [Fact]
    public async Task Malformed_frame_on_one_session_does_not_disturb_another()
    {
        var handler = new TestServerHandler();
        await using var server = await Loopback.StartServerAsync(handler);
        await using var client = await Loopback.ConnectAsync(server);
        await using var hostile = await Loopback.ConnectRawAsync(server);
        await hostile.BindAsync(RawPeer.Transceiver("hostile"));
        var garbage = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(garbage, 0xFFFFFFF0);
        BinaryPrimitives.WriteUInt32BigEndian(garbage.AsSpan(12), 2);

        await hostile.SendBytesAsync(garbage);
        var answer = await hostile.ReceiveUntilClosedAsync();
        var responses = new List<SubmitSmResp>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await client.SubmitAsync(RawPeer.Submit(), Ct));
        }

        Assert.Equal(CommandStatus.InvalidCommandLength, Assert.IsType<GenericNack>(Assert.Single(answer)).CommandStatus);
        Assert.All(responses, r => Assert.Equal(CommandStatus.Ok, r.CommandStatus));
        Assert.True(client.IsBound);
        await Loopback.Eventually(() => handler.Closed.Any(s => s.CloseReason == SmppCloseReason.ProtocolError));
    }

    [Fact]
    public async Task Server_never_sees_more_outstanding_requests_than_the_client_window()
    {
        const int Window = 4;
        var inFlight = 0;
        var maxInFlight = 0;
        var release = new SemaphoreSlim(0);
        var handler = new TestServerHandler
        {
            Handle = async (_, request, ct) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                await release.WaitAsync(ct);
                Interlocked.Decrement(ref inFlight);
                return new SubmitSmResp { MessageId = "x" };
            },
        };
        await using var server = await Loopback.StartServerAsync(handler);
        await using var client = await Loopback.ConnectAsync(server, o => o.WindowSize = Window);

        var submits = Enumerable.Range(0, 20).Select(_ => client.SubmitAsync(RawPeer.Submit(), Ct).AsTask()).ToList();
        await Loopback.Eventually(() => Volatile.Read(ref inFlight) == Window);
        await Task.Delay(100, Ct);
        Assert.Equal(Window, Volatile.Read(ref inFlight));
        release.Release(20);
        await Task.WhenAll(submits).WaitAsync(RawPeer.Patience, Ct);

        Assert.Equal(Window, maxInFlight);
        Assert.All(submits, s => Assert.Equal(CommandStatus.Ok, s.Result.CommandStatus));
    }

    [Fact]
    public async Task Server_session_sends_deliver_sm_through_the_clients_handler()
    {
        var handler = new TestServerHandler();
        await using var server = await Loopback.StartServerAsync(handler);
        var delivered = new TaskCompletionSource<DeliverSm>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await Loopback.ConnectAsync(server, handler: (request, _) =>
        {
            delivered.TrySetResult((DeliverSm)request);
            return ValueTask.FromResult<ResponsePdu?>(null);
        });
        var session = await handler.FirstBoundAsync();

        var response = await session.SendAsync<DeliverSmResp>(new DeliverSm { ShortMessage = "MO"u8.ToArray() }, Ct);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal("MO"u8.ToArray(), (await delivered.Task.WaitAsync(RawPeer.Patience, Ct)).ShortMessage.ToArray());
    }

    [Fact]
    public async Task Client_reconnects_over_tcp_after_the_server_drops_the_link()
    {
        var handler = new TestServerHandler();
        await using var server = await Loopback.StartServerAsync(handler);
        await using var client = await Loopback.ConnectAsync(server);
        var first = await handler.FirstBoundAsync();

        await first.CloseAsync();
        await Loopback.Eventually(() => client.BindCount == 2 && client.IsBound);
        var response = await client.SubmitAsync(RawPeer.Submit(), Ct);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal(SmppCloseReason.Aborted, first.CloseReason);
        Assert.Equal(2, handler.AcceptedBinds);
    }

    [Fact]
    public async Task Connection_that_never_binds_is_closed_after_the_bind_time_out()
    {
        var handler = new TestServerHandler();
        await using var server = await Loopback.StartServerAsync(handler, o => o.BindTimeout = TimeSpan.FromMilliseconds(200));
        await using var idle = await Loopback.ConnectRawAsync(server);

        Assert.Empty(await idle.ReceiveUntilClosedAsync());
        await Loopback.Eventually(() => handler.Closed.Any(s => s.CloseReason == SmppCloseReason.BindTimeout));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
