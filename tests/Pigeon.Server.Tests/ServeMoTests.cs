using System.Globalization;
using Pigeon.Gateway.Accounts;
using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Concatenation;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests;

/// <summary>Mobile-originated messages from a supplier reach the customer owning the inbound number.</summary>
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
