using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Protocol;
using Pigeon.Storage.Tests;

namespace Pigeon.Server.Tests;

/// <summary>`pigeon serve --db` on PostgreSQL: first start, a submit acknowledged and its receipt back.</summary>
public sealed class ServePostgresTests
{
    private readonly PostgresServer _postgres;

    public ServePostgresTests(PostgresServer postgres) => _postgres = postgres;

    [Fact]
    public async Task Submit_and_receipt_flow_on_PostgreSQL()
    {
        var database = await _postgres.DatabaseForAsync(nameof(ServePostgresTests) + "_serve");
        var data = Directory.CreateTempSubdirectory("pigeon-serve-pg-").FullName;
        try
        {
            await using var serve = await ServeProcess.StartAsync(data, extra: ["--db", database, "--simulator-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.False(File.Exists(Path.Combine(data, "pigeon.db")));
            var credentials = serve.ReadCredentials();
            await using var customer = await CustomerClient.BindAsync(serve.SmppPort, credentials["SMPP system_id"], credentials["SMPP password"]);

            var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123200", "on PostgreSQL"), TestContext.Current.CancellationToken);

            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], TimeSpan.FromSeconds(60)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
