using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Simulator.Tests;

/// <summary>How the simulator hands receipts to the sessions of one system_id, over real loopback binds.</summary>
public sealed class ReceiverWindowTests
{
    private const int Window = 2;
    private const int Messages = 10;

    [Fact]
    public async Task Each_bound_session_has_a_window_of_outstanding_receipts_of_its_own_and_every_receipt_arrives()
    {
        var options = new SimulatorOptions { Port = 0, Window = Window };
        await using var simulator = new SmscSimulator(options, NullLoggerFactory.Instance, TimeProvider.System);
        await simulator.StartAsync(TestContext.Current.CancellationToken);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outstanding = new ConcurrentDictionary<int, int>();
        var received = new ConcurrentBag<string>();
        await using var first = await BindAsync(simulator, 1, outstanding, received, release.Task);
        await using var second = await BindAsync(simulator, 2, outstanding, received, release.Task);

        for (var i = 0; i < Messages; i++)
        {
            var response = await first.SubmitAsync(
                new SubmitSm
                {
                    Source = SmppAddress.Alphanumeric("Sim"),
                    Destination = SmppAddress.International("44770090000" + i),
                    ShortMessage = "hi"u8.ToArray(),
                    RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
                },
                TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        }

        // Neither session answers: each holds a window's worth, and no more.
        await WaitUntilAsync(() => outstanding.Values.Sum() >= 2 * Window);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        Assert.Equal(Window, outstanding.GetValueOrDefault(1));
        Assert.Equal(Window, outstanding.GetValueOrDefault(2));

        release.SetResult();
        await WaitUntilAsync(() => received.Count >= Messages);
        Assert.Equal(Messages, received.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task<SmppClient> BindAsync(
        SmscSimulator simulator, int session, ConcurrentDictionary<int, int> outstanding, ConcurrentBag<string> received, Task release)
    {
        var client = new SmppClient(
            new SmppClientOptions { Host = "127.0.0.1", Port = simulator.LocalEndPoint.Port, SystemId = "gw", Password = "gw" },
            async (request, cancellationToken) =>
            {
                if (request is not DeliverSm deliver)
                {
                    return request.CreateResponse(CommandStatus.InvalidCommandId);
                }

                outstanding.AddOrUpdate(session, 1, static (_, n) => n + 1);
                await release.WaitAsync(cancellationToken);
                outstanding.AddOrUpdate(session, 0, static (_, n) => n - 1);
                received.Add(System.Text.Encoding.ASCII.GetString(deliver.ShortMessage.Span));
                return deliver.CreateResponse();
            });
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        return client;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
