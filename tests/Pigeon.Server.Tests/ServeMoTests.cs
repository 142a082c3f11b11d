using System.Globalization;
using Microsoft.Data.Sqlite;
using Pigeon.Gateway.Accounts;
using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Text;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests;

/// <summary>
/// Mobile-originated messages from a supplier reach the customer owning the inbound number, a concatenated one as
/// one message whatever order its parts came in, across a crash of the gateway between its parts.
/// </summary>
public sealed class ServeMoTests : IAsyncDisposable
{
    private const string InboundNumber = "447911000123";
    private readonly string _data = Directory.CreateTempSubdirectory("pigeon-mo-").FullName;

    [Fact]
    public async Task MO_to_an_inbound_number_is_stored_and_delivered_to_its_customer_with_its_parts()
    {
        var (smppPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), receiptDelayMs: 0);
        string[] flags = ["--no-simulator", "--simulator-port", simulator.Port.ToString(CultureInfo.InvariantCulture)];
        IReadOnlyDictionary<string, string> credentials;
        await using (var first = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags))
        {
            credentials = first.ReadCredentials();
        }

        await GiveDemoAnInboundNumberAsync();
        await using var serve = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags);
        await using var customer = await CustomerClient.BindAsync(smppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
        var text = string.Join(' ', Enumerable.Repeat("An answer from a handset.", 8));

        await simulator.WriteLineAsync($"mo @pigeon 447911555000 {InboundNumber} {text}");

        var parts = MessageSplitter.Measure(text, ConcatenationMode.UdhReference8).Segments;
        Assert.True(parts > 1);
        Assert.True(await customer.WaitForMobileOriginatedAsync(parts, TimeSpan.FromSeconds(60)));
        var received = customer.MobileOriginated.ToArray();
        Assert.All(received, mo => Assert.Equal(InboundNumber, mo.Destination.Value));
        Assert.All(received, mo => Assert.Equal("447911555000", mo.Source.Value));
        using var reassembler = new MessageReassembler(TimeProvider.System);
        var whole = received.Select(mo => reassembler.Add(mo)).Last(r => r.Message is not null).Message!;
        Assert.Equal(text, whole.Text);
    }

    [Fact]
    public async Task Parts_of_an_MO_arriving_out_of_order_reach_the_customer_as_one_message_with_its_parts_in_order()
    {
        var (smppPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), receiptDelayMs: 0);
        string[] flags = ["--no-simulator", "--simulator-port", simulator.Port.ToString(CultureInfo.InvariantCulture)];
        var credentials = await ProvisionAsync(smppPort, httpPort, flags);
        await using var serve = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags);
        await using var customer = await CustomerClient.BindAsync(smppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var parts = MessageSplitter.Measure(text, ConcatenationMode.UdhReference8).Segments;
        Assert.Equal(3, parts);

        await simulator.WriteLineAsync($"mo @pigeon --ref 201 --parts 3,1,2 447911555001 {InboundNumber} {text}");

        Assert.True(await customer.WaitForMobileOriginatedAsync(parts, TimeSpan.FromSeconds(60)));
        AssertOneMessageInOrder(customer.MobileOriginated.ToArray(), text, parts);
    }

    [Fact]
    public async Task An_MO_whose_parts_straddle_a_kill_of_the_gateway_reaches_the_customer_once()
    {
        var (smppPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), receiptDelayMs: 0);
        string[] flags = ["--no-simulator", "--simulator-port", simulator.Port.ToString(CultureInfo.InvariantCulture)];
        var credentials = await ProvisionAsync(smppPort, httpPort, flags);
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"part{i}"));
        var parts = MessageSplitter.Measure(text, ConcatenationMode.UdhReference8).Segments;
        Assert.Equal(3, parts);
        await using (var doomed = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags))
        {
            await simulator.WriteLineAsync($"mo @pigeon --ref 202 --parts 3,1 447911555002 {InboundNumber} {text}");
            Assert.True(await WaitForHeldPartsAsync(2, TimeSpan.FromSeconds(60)), "the first parts were not stored");
            await doomed.KillHardAsync();
        }

        await simulator.WriteLineAsync($"mo @pigeon --ref 202 --parts 2 447911555002 {InboundNumber} {text}");
        await using var serve = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags);
        await using var customer = await CustomerClient.BindAsync(smppPort, credentials["SMPP system_id"], credentials["SMPP password"]);

        Assert.True(await customer.WaitForMobileOriginatedAsync(parts, TimeSpan.FromSeconds(60)));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        AssertOneMessageInOrder(customer.MobileOriginated.ToArray(), text, parts);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM mo_messages"));
    }

    [Fact]
    public async Task An_MO_missing_a_part_past_the_reassembly_time_out_reaches_the_customer_with_the_gap_marked()
    {
        var (smppPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), receiptDelayMs: 0);
        string[] flags = ["--no-simulator", "--simulator-port", simulator.Port.ToString(CultureInfo.InvariantCulture)];
        var credentials = await ProvisionAsync(smppPort, httpPort, flags);
        var environment = new Dictionary<string, string> { ["PIGEON__Mo__ReassemblyTimeout"] = "00:00:02" };
        await using var serve = await ServeProcess.StartAsync(_data, environment, flags);
        await using var customer = await CustomerClient.BindAsync(serve.SmppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"gap{i}"));
        var sent = MessageSplitter.Split(text, ConcatenationMode.UdhReference8, 203).Parts
            .Select(part => SmsText.Decode(SmsEncoding.Gsm7, part.Span[6..])).ToArray();
        Assert.Equal(3, sent.Length);

        await simulator.WriteLineAsync($"mo @pigeon --ref 203 --parts 3,1 447911555003 {InboundNumber} {text}");

        var expected = sent[0] + "[...]" + sent[2];
        var parts = MessageSplitter.Measure(expected, ConcatenationMode.UdhReference8).Segments;
        Assert.True(await customer.WaitForMobileOriginatedAsync(parts, TimeSpan.FromSeconds(60)));
        AssertOneMessageInOrder(customer.MobileOriginated.ToArray(), expected, parts);
    }

    /// <summary>
    /// The customer got exactly <paramref name="parts"/> deliver_sm: one reference, sequence numbers 1..n in arrival
    /// order, the original text when joined.
    /// </summary>
    private static void AssertOneMessageInOrder(DeliverSm[] received, string text, int parts)
    {
        Assert.Equal(parts, received.Length);
        var infos = received.Select(mo => ConcatenationInfo.TryRead(mo, out var info, out _) ? info : default).ToArray();
        Assert.All(infos, info => Assert.Equal(ConcatenationMode.UdhReference8, info.Mode));
        Assert.Single(infos.Select(info => info.Reference).Distinct());
        Assert.Equal(Enumerable.Range(1, parts).Select(n => (byte)n), infos.Select(info => info.Sequence));
        Assert.All(received, mo => Assert.Equal(InboundNumber, mo.Destination.Value));
        using var reassembler = new MessageReassembler(TimeProvider.System);
        var whole = received.Select(mo => reassembler.Add(mo)).ToList()[^1].Message;
        Assert.NotNull(whole);
        Assert.Equal(text, whole.Text);
    }

    /// <summary>First start (credentials), then the demo customer gets the inbound number while serve is stopped.</summary>
    private async Task<IReadOnlyDictionary<string, string>> ProvisionAsync(int smppPort, int httpPort, string[] flags)
    {
        IReadOnlyDictionary<string, string> credentials;
        await using (var first = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags))
        {
            credentials = first.ReadCredentials();
        }

        await GiveDemoAnInboundNumberAsync();
        return credentials;
    }

    private async Task<bool> WaitForHeldPartsAsync(long count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ScalarAsync("SELECT count(*) FROM mo_parts WHERE consumed_at IS NULL") < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return true;
    }

    /// <summary>A count read straight from serve's SQLite file (WAL: a reader does not disturb the running writer).</summary>
    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "pigeon.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private async Task GiveDemoAnInboundNumberAsync()
    {
        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(_data, "pigeon.db") }, TimeProvider.System);
        var demo = await store.Provisioning.FindCustomerAsync("demo", CancellationToken.None);
        await store.Provisioning.AddInboundNumberAsync(new InboundNumber { Number = InboundNumber, CustomerId = demo!.Id }, CancellationToken.None);
    }
}
