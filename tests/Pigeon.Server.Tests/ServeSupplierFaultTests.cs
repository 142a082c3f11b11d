using System.Globalization;
using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Protocol;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests;

/// <summary>
/// Supplier faults seen by `pigeon serve`: an external simulator throttles, drops the link or refuses everything, and
/// every acknowledged message still ends with exactly one receipt — delivered after retrying, or REJECTD and refunded.
/// A supplier that never answers is not covered here: serve's dispatch time-outs (30 s per submit, five failures
/// before failover) are fixed in code, not settings, so a failover would take minutes.
/// </summary>
public sealed class ServeSupplierFaultTests : IAsyncDisposable
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(45);
    private readonly string _data = Directory.CreateTempSubdirectory("pigeon-faults-").FullName;

    [Fact]
    public async Task A_throttling_supplier_gets_every_message_exactly_once_and_each_is_receipted_DELIVRD()
    {
        const int messages = 100;
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), 50, "--tps", "20");
        await using var serve = await StartServeAsync(simulator);
        await using var customer = await BindDemoAsync(serve);

        var ids = await SubmitAsync(customer, messages, "throttled");

        Assert.True(await customer.WaitForReceiptsAsync(ids, ReceiptTimeout), Missing(customer, ids, serve));
        Assert.All(ids, id => Assert.Equal(MessageState.Delivered, customer.Receipts[id].MessageState));
        var statistics = await simulator.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(messages, statistics["accepted"]);
        Assert.True(statistics["throttled"] > 0, "the simulator throttled nothing, so the test proved nothing");
    }

    [Fact]
    public async Task A_supplier_that_drops_the_link_gets_every_message_delivered_with_one_receipt_each()
    {
        // The simulator closes a session at once, losing the responses it has not written yet, so the gateway resends
        // up to a window (64, the demo supplier's) after each drop: sessions longer than a window still make progress.
        const int messages = 300;
        const int window = 64;
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), 50, "--drop-after", "100");
        await using var serve = await StartServeAsync(simulator);
        await using var customer = await BindDemoAsync(serve);

        var ids = await SubmitAsync(customer, messages, "dropped");

        Assert.True(await customer.WaitForReceiptsAsync(ids, ReceiptTimeout), Missing(customer, ids, serve));
        var statistics = await simulator.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(ids.All(id => customer.Receipts[id].MessageState == MessageState.Delivered), string.Join(" ", statistics));

        // Only submits whose responses were lost with a link may go twice: at most a window per dropped session,
        // and there were no more dropped sessions than binds.
        Assert.True(statistics["binds"] > 2, $"the simulator never dropped a session (binds={statistics["binds"]})");
        Assert.InRange(statistics["accepted"], messages, messages + (statistics["binds"] * window));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(messages, customer.ReceiptCounts.Count);
        Assert.All(ids, id => Assert.Equal(1, customer.ReceiptCounts[id]));
    }

    [Fact]
    public async Task A_supplier_that_drops_the_link_more_often_than_a_window_still_gets_every_message_delivered()
    {
        // Each session dies after 30 submits while up to 64 are in flight: most parts in flight lose their link again
        // and again. A lost link is the link's failure, not the part's, so none of them may end REJECTD.
        const int messages = 100;
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), 50, "--drop-after", "30");
        await using var serve = await StartServeAsync(simulator);
        await using var customer = await BindDemoAsync(serve);

        var ids = await SubmitAsync(customer, messages, "flapping");

        Assert.True(await customer.WaitForReceiptsAsync(ids, ReceiptTimeout), Missing(customer, ids, serve));
        var statistics = await simulator.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(ids.All(id => customer.Receipts[id].MessageState == MessageState.Delivered), string.Join(" ", statistics));
        Assert.True(statistics["binds"] > 2, $"the simulator never dropped a session (binds={statistics["binds"]})");
    }

    [Fact]
    public async Task Messages_a_supplier_never_answers_fail_over_to_the_next_supplier_of_the_route_and_are_delivered()
    {
        const int messages = 20;
        await using var silent = await SimulatorProcess.StartAsync(FreePort.Next(), 0, "--no-answer-rate", "1");
        await using var backup = await SimulatorProcess.StartAsync(FreePort.Next(), 0);
        var quickFailover = new Dictionary<string, string>
        {
            ["PIGEON__Dispatch__ResponseTimeout"] = "00:00:01",
            ["PIGEON__Dispatch__MaxTemporaryFailures"] = "2",
            ["PIGEON__Dispatch__RetryBackoffMin"] = "00:00:00.200",
            ["PIGEON__Dispatch__RetryBackoffMax"] = "00:00:01",
            ["PIGEON__ProvisioningRefreshInterval"] = "00:00:00.500",
        };
        await using var serve = await ServeProcess.StartAsync(_data, quickFailover, "--no-simulator", "--simulator-port", silent.Port.ToString(CultureInfo.InvariantCulture));

        // The first start routes everything to the silent simulator; add the backup behind it on the same prefix.
        await using (var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(_data, "pigeon.db") }, TimeProvider.System))
        {
            var supplier = await store.Provisioning.CreateSupplierAsync(
                new Gateway.Routing.Supplier { Id = 0, Name = "backup", Host = "127.0.0.1", Port = backup.Port, SystemId = "backup", Password = "backup" },
                CancellationToken.None);
            await store.Provisioning.CreateRouteAsync(
                new Gateway.Routing.Route { Id = 0, Prefix = string.Empty, SupplierId = supplier.Id, Price = 0.01m, Currency = "EUR", Priority = 10 },
                CancellationToken.None);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await using var customer = await BindDemoAsync(serve);
        var ids = await SubmitAsync(customer, messages, "failing over");

        Assert.True(await customer.WaitForReceiptsAsync(ids, ReceiptTimeout), Missing(customer, ids, serve));
        Assert.All(ids, id => Assert.Equal(MessageState.Delivered, customer.Receipts[id].MessageState));
        var backupStatistics = await backup.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(messages, backupStatistics["accepted"]);
        var silentStatistics = await silent.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(silentStatistics["unanswered"] >= messages, string.Join(" ", silentStatistics));
    }

    [Fact]
    public async Task Every_message_a_supplier_refuses_with_a_final_status_is_receipted_REJECTD_and_the_balance_is_restored()
    {
        const int messages = 10;
        await using (var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), 0, "--reject-rate", "1", "--reject-status", "0x0B"))
        await using (var serve = await StartServeAsync(simulator))
        await using (var customer = await BindDemoAsync(serve))
        {
            var ids = await SubmitAsync(customer, messages, "refused");

            Assert.True(await customer.WaitForReceiptsAsync(ids, ReceiptTimeout), Missing(customer, ids, serve));
            Assert.All(ids, id => Assert.Equal(MessageState.Rejected, customer.Receipts[id].MessageState));
            var statistics = await simulator.StopAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, statistics["accepted"]);
            Assert.Equal(messages, statistics["rejected"]);
        }

        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(_data, "pigeon.db") }, TimeProvider.System);
        var demo = await store.Provisioning.FindCustomerAsync("demo", CancellationToken.None);
        Assert.Equal(100.00m, demo!.Balance);
        Assert.Equal(100.00m, await store.Provisioning.SumLedgerAsync(demo.Id, CancellationToken.None));
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

    private static async Task<CustomerClient> BindDemoAsync(ServeProcess serve)
    {
        var credentials = serve.ReadCredentials();
        return await CustomerClient.BindAsync(serve.SmppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
    }

    /// <summary>Submits <paramref name="count"/> messages, all of which serve must acknowledge; returns their ids.</summary>
    private static async Task<string[]> SubmitAsync(CustomerClient customer, int count, string text)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(i => customer.Client.SubmitAsync(
            CustomerClient.Text("4479" + (12_000_000 + i).ToString(CultureInfo.InvariantCulture), text + " " + i),
            TestContext.Current.CancellationToken).AsTask()));
        Assert.All(responses, r => Assert.Equal(CommandStatus.Ok, r.CommandStatus));
        var ids = responses.Select(r => r.MessageId).ToArray();
        Assert.Equal(count, ids.Distinct(StringComparer.Ordinal).Count());
        return ids;
    }

    /// <summary>Names the messages without a receipt and quotes what serve logged about the first few of them.</summary>
    private static string Missing(CustomerClient customer, string[] ids, ServeProcess serve)
    {
        var missing = ids.Where(id => !customer.Receipts.ContainsKey(id)).Take(5).ToArray();
        var logged = serve.Output.Split('\n').Where(line => missing.Any(id => line.Contains(id, StringComparison.Ordinal)));
        return $"{ids.Count(id => !customer.Receipts.ContainsKey(id))} of {ids.Length} acknowledged messages have no receipt, e.g. {string.Join(", ", missing)}\n"
            + "serve logged about them:\n" + string.Join('\n', logged);
    }

    private async Task<ServeProcess> StartServeAsync(SimulatorProcess simulator) =>
        await ServeProcess.StartAsync(_data, extra: ["--no-simulator", "--simulator-port", simulator.Port.ToString(CultureInfo.InvariantCulture)]);
}
