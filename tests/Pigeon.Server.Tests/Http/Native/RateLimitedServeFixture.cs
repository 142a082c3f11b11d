using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Server.Tests.Support;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>
/// A `pigeon serve` whose keys may make 1 request per second with a burst of 5, and one key of the demo customer
/// made in the store while it runs (a new key works at once).
/// </summary>
public sealed class RateLimitedServeFixture : IAsyncLifetime
{
    public const int Burst = 5;

    private ServeProcess? _serve;

    internal string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pigeon-native-rate-" + Guid.NewGuid().ToString("N"));

    internal string Key { get; private set; } = string.Empty;

    internal Uri BaseAddress => new($"http://127.0.0.1:{(_serve ?? throw new InvalidOperationException("Not started.")).HttpPort}/");

    public async ValueTask InitializeAsync()
    {
        _serve = await ServeProcess.StartAsync(DataDirectory, new Dictionary<string, string>
        {
            ["PIGEON__Http__RequestsPerSecondPerKey"] = "1",
            ["PIGEON__Http__RequestBurstPerKey"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(DataDirectory, "pigeon.db") }, TimeProvider.System);
        var demo = await store.Provisioning.FindCustomerAsync("demo", CancellationToken.None) ?? throw new InvalidOperationException("No demo customer.");
        var (token, prefix, hash) = ApiKeyToken.Create();
        await store.Provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, CustomerId = demo.Id, Prefix = prefix, SecretHash = hash }, CancellationToken.None);
        Key = token;
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
}
