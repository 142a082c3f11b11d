using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests.Support;

/// <summary>
/// One `pigeon serve` shared by the flow tests. It is started once on an empty data directory (first start:
/// demo customer, credentials file), stopped with SIGTERM, given a second customer "poor" with no balance straight
/// in the store, and started again on the same directory.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public const string PoorSystemId = "poor";
    public const string PoorPassword = "poorpass";

    private ServeProcess? _serve;

    internal ServeProcess Serve => _serve ?? throw new InvalidOperationException("Not started.");

    internal string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pigeon-serve-" + Guid.NewGuid().ToString("N"));

    internal IReadOnlyDictionary<string, string> Credentials { get; private set; } = new Dictionary<string, string>();

    internal int FirstRunExitCode { get; private set; }

    internal string SystemId => Credentials["SMPP system_id"];

    internal string Password => Credentials["SMPP password"];

    public async ValueTask InitializeAsync()
    {
        var simulatorPort = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (smppPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using (var first = await ServeProcess.StartAsync(DataDirectory, smppPort, httpPort, "--simulator-port", simulatorPort))
        {
            Credentials = first.ReadCredentials();
            await first.TerminateAsync();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
            FirstRunExitCode = first.ExitCode;
        }

        await AddPoorCustomerAsync();
        _serve = await ServeProcess.StartAsync(DataDirectory, smppPort, httpPort, "--simulator-port", simulatorPort);
    }

    public async ValueTask DisposeAsync()
    {
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task AddPoorCustomerAsync()
    {
        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(DataDirectory, "pigeon.db") }, TimeProvider.System);
        var provisioning = store.Provisioning;
        var poor = await provisioning.CreateCustomerAsync(new Customer { Id = 0, Name = "poor", Country = "GB", Currency = "EUR" }, CancellationToken.None);
        await provisioning.CreateSmppAccountAsync(
            new SmppAccount { Id = 0, CustomerId = poor.Id, SystemId = PoorSystemId, PasswordHash = new PasswordHasher(10_000).Hash(PoorPassword) },
            CancellationToken.None);
        await provisioning.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = poor.Id, Value = "Pigeon" }, CancellationToken.None);
    }
}
