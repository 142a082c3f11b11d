using System.Collections.Concurrent;
using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Protocol;
using Pigeon.Storage.Tests;

namespace Pigeon.Server.Tests;

/// <summary>
/// Durability of `pigeon serve`: killed with SIGKILL in the middle of a load and started again on the same data
/// directory (and database), it loses nothing it acknowledged. The supplier is a simulator in its own process, so it
/// outlives the gateway and keeps the receipts it owes until the gateway binds again. On PostgreSQL accepts commit
/// through a writer of their own beside the main one, so the kill can fall between the two writers' commits.
/// </summary>
public sealed class ServeCrashTests(PostgresServer postgres) : IAsyncDisposable
{
    private const int Senders = 8;
    private const int KillAfterAcknowledged = 1500;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "pigeon-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public Task Every_message_acknowledged_before_a_kill_9_is_delivered_and_receipted_after_the_restart() => KillMidLoadAndRestartAsync([]);

    [Fact]
    public async Task On_PostgreSQL_every_message_acknowledged_before_a_kill_9_is_delivered_and_receipted_after_the_restart() =>
        await KillMidLoadAndRestartAsync(["--db", await postgres.DatabaseForAsync(nameof(ServeCrashTests))]);

    private async Task KillMidLoadAndRestartAsync(string[] database)
    {
        var (smppPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), receiptDelayMs: 100);
        string[] flags = ["--no-simulator", "--simulator-port", simulator.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. database];
        var acknowledged = new ConcurrentBag<string>();
        var receipted = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> credentials;

        await using (var serve = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags))
        {
            credentials = serve.ReadCredentials();
            await using var customer = await CustomerClient.BindAsync(smppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var destination = "4479" + (11_000_000 + (sender * 100_000) + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var response = await customer.Client.SubmitAsync(CustomerClient.Text(destination, "crash test " + i), stop.Token);
                        if (response.CommandStatus == CommandStatus.Ok)
                        {
                            acknowledged.Add(response.MessageId);
                        }
                    }
                    catch (Exception)
                    {
                        // Submits in flight when the gateway dies were never acknowledged: nothing is owed for them.
                        return;
                    }
                }
            })).ToArray();

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (acknowledged.Count < KillAfterAcknowledged && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            await serve.KillHardAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
            foreach (var id in customer.Receipts.Keys)
            {
                receipted[id] = true;
            }
        }

        Assert.True(acknowledged.Count >= KillAfterAcknowledged, $"only {acknowledged.Count} submits were acknowledged before the kill");

        await using (var restarted = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags))
        {
            await using var customer = await CustomerClient.BindAsync(smppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
            var owed = acknowledged.Where(id => !receipted.ContainsKey(id)).ToArray();
            Assert.NotEmpty(owed);
            var complete = await customer.WaitForReceiptsAsync(owed, TimeSpan.FromSeconds(180));
            var missing = owed.Where(id => !customer.Receipts.ContainsKey(id)).ToArray();
            Assert.True(complete, $"{missing.Length} of {acknowledged.Count} acknowledged messages have no receipt, e.g. {string.Join(", ", missing.Take(5))}");
        }
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
}
