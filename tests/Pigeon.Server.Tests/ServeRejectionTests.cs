using System.Globalization;
using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Protocol;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests;

/// <summary>A supplier's final refusal ends the message REJECTD: the customer gets that receipt and its money back.</summary>
public sealed class ServeRejectionTests : IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("pigeon-reject-").FullName;

    [Fact]
    public async Task A_message_the_supplier_refuses_for_good_is_receipted_REJECTD_and_refunded()
    {
        var (smppPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using var simulator = await SimulatorProcess.StartAsync(FreePort.Next(), 0, "--reject-rate", "1", "--reject-status", "0x45");
        string[] flags = ["--no-simulator", "--simulator-port", simulator.Port.ToString(CultureInfo.InvariantCulture)];
        await using (var serve = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags))
        {
            var credentials = serve.ReadCredentials();
            await using var customer = await CustomerClient.BindAsync(smppPort, credentials["SMPP system_id"], credentials["SMPP password"]);

            var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123150", "refused"), TestContext.Current.CancellationToken);

            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], TimeSpan.FromSeconds(60)));
            Assert.Equal(MessageState.Rejected, customer.Receipts[response.MessageId].MessageState);
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
}
