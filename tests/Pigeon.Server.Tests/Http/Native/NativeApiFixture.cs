using System.Globalization;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Gateway.Storage;
using Pigeon.Server.Tests.Support;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>
/// One `pigeon serve` for every native API test. First start (demo customer, 100 EUR, senders Pigeon and Demo),
/// SIGTERM, then straight in the store: customers "other" (50 EUR, sender Other, its only one), "broke" (no
/// money), "pages" (for listing), "suspended", and API keys for each purpose; then serve again on the same data.
/// The request rate per key is the default (<see cref="RateLimitedServeFixture"/> has a tight one).
/// </summary>
public sealed class NativeApiFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private ServeProcess? _serve;

    internal ServeProcess Serve => _serve ?? throw new InvalidOperationException("Not started.");

    internal string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pigeon-native-" + Guid.NewGuid().ToString("N"));

    internal Uri BaseAddress => new($"http://127.0.0.1:{Serve.HttpPort}/");

    /// <summary>The operator key of the first start: a key of no customer.</summary>
    internal string OperatorKey { get; private set; } = string.Empty;

    /// <summary>A client of the API with the named key ("demo", "other", "broke", "pages", "tps", "idem", "revoked", "suspended", "elsewhere").</summary>
    internal NativeApiClient Client(string key) => new(BaseAddress, _keys[key]);

    /// <summary>The API key token of <paramref name="key"/>, for tests that speak HTTP on a raw socket.</summary>
    internal string Token(string key) => _keys[key];

    /// <summary>A client sending no key, or the given raw Authorization value.</summary>
    internal NativeApiClient Anonymous(string? authorization = null) => new(BaseAddress, null, authorization);

    public async ValueTask InitializeAsync()
    {
        var simulatorPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["PIGEON__ProvisioningRefreshInterval"] = "00:00:00.200",
        };
        await using (var first = await ServeProcess.StartAsync(DataDirectory, environment, "--simulator-port", simulatorPort))
        {
            OperatorKey = first.ReadCredentials()["operator API key"];
            await first.TerminateAsync();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        await ProvisionAsync();
        _serve = await ServeProcess.StartAsync(DataDirectory, environment, "--simulator-port", simulatorPort);
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

    private async Task ProvisionAsync()
    {
        var ct = CancellationToken.None;
        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(DataDirectory, "pigeon.db") }, TimeProvider.System);
        var provisioning = store.Provisioning;
        var demo = await provisioning.FindCustomerAsync("demo", ct) ?? throw new InvalidOperationException("No demo customer.");
        var other = await CustomerAsync(provisioning, "other", 50m, "Other");
        var broke = await CustomerAsync(provisioning, "broke", 0m, "Pigeon");
        var pages = await CustomerAsync(provisioning, "pages", 10m, "Pages");
        var suspended = await CustomerAsync(provisioning, "suspended", 10m, "Pigeon");
        await provisioning.SetCustomerStatusAsync(suspended.Id, CustomerStatus.Suspended, ct);

        await KeyAsync(provisioning, "demo", demo.Id);
        await KeyAsync(provisioning, "tps", demo.Id, tps: 1);
        await KeyAsync(provisioning, "idem", demo.Id);
        await KeyAsync(provisioning, "elsewhere", demo.Id, allowedIps: ["10.0.0.0/8"]);
        var revoked = await KeyAsync(provisioning, "revoked", demo.Id);
        await provisioning.RevokeApiKeyAsync(revoked.Id, DateTimeOffset.UtcNow, ct);
        await KeyAsync(provisioning, "other", other.Id);
        await KeyAsync(provisioning, "broke", broke.Id);
        await KeyAsync(provisioning, "pages", pages.Id);
        await KeyAsync(provisioning, "suspended", suspended.Id);
    }

    private static async Task<Customer> CustomerAsync(IProvisioningStore provisioning, string name, decimal credit, string sender)
    {
        var customer = await provisioning.CreateCustomerAsync(new Customer { Id = 0, Name = name, Country = "GB", Currency = "EUR" }, CancellationToken.None);
        if (credit > 0)
        {
            await provisioning.CreditAsync(customer.Id, credit, "test credit", CancellationToken.None);
        }

        await provisioning.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = customer.Id, Value = sender }, CancellationToken.None);
        return customer;
    }

    private async Task<ApiKey> KeyAsync(IProvisioningStore provisioning, string purpose, long customerId, int tps = 0, IReadOnlyList<string>? allowedIps = null)
    {
        var (token, prefix, hash) = ApiKeyToken.Create();
        _keys[purpose] = token;
        return await provisioning.CreateApiKeyAsync(
            new ApiKey { Id = 0, CustomerId = customerId, Name = purpose, Prefix = prefix, SecretHash = hash, Tps = tps, AllowedIps = allowedIps ?? [] },
            CancellationToken.None);
    }
}
