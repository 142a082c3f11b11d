using System.Collections.Concurrent;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;
using Pigeon.Tests.Support;

namespace Pigeon.Tests.Simulator;

/// <summary>MO messages from `pigeon simulate`, asked for on its standard input, reach a bound ESME.</summary>
public sealed class SimulatorMoTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static async Task<List<DeliverSm>> CollectAsync(ConcurrentQueue<DeliverSm> received, int count)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return [.. received];
    }

    private static async Task TypeUntilQueuedAsync(PigeonProcess simulator, string line)
    {
        static int Answers(PigeonProcess p) => p.StandardOutput.Count(l => l.StartsWith("mo ", StringComparison.Ordinal));

        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var before = Answers(simulator);
            await simulator.WriteLineAsync(line);
            await simulator.WaitForLineAsync(_ => Answers(simulator) > before, Timeout);
            if (simulator.StandardOutput.Last(l => l.StartsWith("mo ", StringComparison.Ordinal)).StartsWith("mo queued", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The simulator never queued the MO: no receiver was registered.");
    }

    private static SmppClient Client(int port, ConcurrentQueue<DeliverSm> received) => new(
        new SmppClientOptions { Host = "127.0.0.1", Port = port, SystemId = "esme", Password = "pw" },
        (request, _) =>
        {
            if (request is DeliverSm deliver)
            {
                received.Enqueue(deliver);
            }

            return ValueTask.FromResult<ResponsePdu?>(null);
        });

    [Fact]
    public async Task Mo_typed_on_standard_input_arrives_as_a_deliver_sm()
    {
        await using var simulator = PigeonProcess.Start("simulate", "--port", "0", "--stats-every-ms", "0");
        var port = await simulator.WaitForListeningPortAsync();
        var received = new ConcurrentQueue<DeliverSm>();
        await using var client = Client(port, received);
        await client.ConnectAsync(TestContext.Current.CancellationToken);

        // The simulator learns of the receiver just after the bind response goes out: an MO typed in that instant is
        // refused ("no receiver is bound"), so type it again until it is queued.
        await TypeUntilQueuedAsync(simulator, "mo 447700900123 12345 Hello from a phone");
        var delivered = Assert.Single(await CollectAsync(received, 1));

        Assert.False(delivered.IsDeliveryReceipt);
        Assert.Equal("447700900123", delivered.Source.Value);
        Assert.Equal("12345", delivered.Destination.Value);
        Assert.Equal("Hello from a phone", Smpp.Text.SmsText.Decode(new Smpp.Text.DataCoding(delivered.DataCoding), delivered.ShortMessage.Span));
    }

    [Fact]
    public async Task Long_mo_arrives_as_udh_parts_that_reassemble_to_the_text()
    {
        await using var simulator = PigeonProcess.Start("simulate", "--port", "0", "--stats-every-ms", "0");
        var port = await simulator.WaitForListeningPortAsync();
        var received = new ConcurrentQueue<DeliverSm>();
        await using var client = Client(port, received);
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var text = string.Concat(Enumerable.Repeat("A long MO message from a handset. ", 8)).TrimEnd();

        await simulator.WriteLineAsync($"mo @esme 447700900123 12345 {text}");
        var parts = await CollectAsync(received, 2);

        Assert.True(parts.Count >= 2);
        using var reassembler = new MessageReassembler(TimeProvider.System);
        var results = parts.Select(p => reassembler.Add(p)).ToList();
        var complete = Assert.Single(results, r => r.Status == ReassemblyStatus.Complete);
        Assert.Equal(text, complete.Message!.Text);
    }

    [Fact]
    public async Task Mo_with_no_receiver_bound_is_refused_with_a_message()
    {
        await using var simulator = PigeonProcess.Start("simulate", "--port", "0", "--stats-every-ms", "0");
        await simulator.WaitForListeningPortAsync();

        await simulator.WriteLineAsync("mo 447700900123 12345 Anyone there?");

        await simulator.WaitForLineAsync(l => l.Contains("no receiver is bound", StringComparison.Ordinal), Timeout);
    }
}
