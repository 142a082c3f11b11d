using System.Globalization;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Security;
using Pigeon.Server.Tests.Support;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>
/// One `pigeon serve` for the dialect-001 tests: first start on an empty directory, stopped; then, straight in the
/// store, the customers and keys below; then started again on the same directory. Each key serves one concern, so
/// tests do not spend each other's rates or balances.
/// <code>
/// customer  country currency balance  senders                               route
/// vash      UA      UAH      1000     VashZakaz, 380501112233 (numeric)     own catch-all at 0.50 UAH
/// ledger    UA      UAH      8111.17  test1, test2, 380631234567, Off (inactive)  own catch-all (never sends)
/// other     GB      EUR      100      Other                                 the first start's catch-all (EUR)
/// poor      GB      EUR      0        Poor                                  the first start's catch-all at 0.01 EUR
/// half      GB      EUR      0.015    Half                                  the same: one message and a half
/// dollar    US      USD      10       Dollar                                none in USD (the price's currency differs)
/// </code>
/// Requests per second per key are 100 (burst 100), so a test can reach the limit quickly.
/// </summary>
public sealed class Dialect001Fixture : IAsyncLifetime
{
    public const int RequestsPerSecond = 100;

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private ServeProcess? _serve;

    internal ServeProcess Serve => _serve ?? throw new InvalidOperationException("Not started.");

    internal string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pigeon-d001-" + Guid.NewGuid().ToString("N"));

    internal string OperatorToken { get; private set; } = string.Empty;

    internal Uri BaseAddress => new($"http://127.0.0.1:{Serve.HttpPort}/");

    /// <summary>The token of the key named <paramref name="key"/> (see <see cref="InitializeAsync"/>).</summary>
    internal string Token(string key) => _tokens[key];

    /// <summary>An HTTP client on the gateway.</summary>
    internal HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask InitializeAsync()
    {
        var simulatorPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["PIGEON__Http__RequestsPerSecondPerKey"] = RequestsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["PIGEON__Http__RequestBurstPerKey"] = RequestsPerSecond.ToString(CultureInfo.InvariantCulture),
        };
        await using (var first = await ServeProcess.StartAsync(DataDirectory, environment, "--simulator-port", simulatorPort))
        {
            OperatorToken = first.ReadCredentials()["operator API key"];
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
        var sim = (await provisioning.FindSupplierAsync("sim", ct))!;

        var vash = await CustomerAsync("vash", "UA", "UAH", 1000m, ["VashZakaz", "380501112233"]);
        await provisioning.CreateRouteAsync(new Route { Id = 0, Prefix = string.Empty, CustomerId = vash.Id, SupplierId = sim.Id, Price = 0.50m, Currency = "UAH" }, ct);
        var ledger = await CustomerAsync("ledger", "UA", "UAH", 8111.17m, ["test2", "test1", "380631234567"]);
        await provisioning.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = ledger.Id, Value = "Off", Active = false }, ct);
        await provisioning.CreateRouteAsync(new Route { Id = 0, Prefix = string.Empty, CustomerId = ledger.Id, SupplierId = sim.Id, Price = 0.50m, Currency = "UAH" }, ct);
        var other = await CustomerAsync("other", "GB", "EUR", 100m, ["Other"]);
        var poor = await CustomerAsync("poor", "GB", "EUR", 0m, ["Poor"]);
        var half = await CustomerAsync("half", "GB", "EUR", 0.015m, ["Half"]);
        var dollar = await CustomerAsync("dollar", "US", "USD", 10m, ["Dollar"]);

        await KeyAsync("vash", vash.Id);
        await KeyAsync("vash-samples", vash.Id);
        await KeyAsync("vash-xml", vash.Id);
        await KeyAsync("vash-rate", vash.Id);
        await KeyAsync("vash-tps", vash.Id, tps: 2);
        await KeyAsync("ledger", ledger.Id);
        await KeyAsync("other", other.Id);
        await KeyAsync("poor", poor.Id);
        await KeyAsync("half", half.Id);
        await KeyAsync("dollar", dollar.Id);
        var revoked = await KeyAsync("revoked", vash.Id);
        await provisioning.RevokeApiKeyAsync(revoked.Id, DateTimeOffset.UtcNow, ct);

        async Task<Customer> CustomerAsync(string name, string country, string currency, decimal credit, string[] senders)
        {
            var customer = await provisioning.CreateCustomerAsync(new Customer { Id = 0, Name = name, Country = country, Currency = currency }, ct);
            if (credit > 0m)
            {
                await provisioning.CreditAsync(customer.Id, credit, "test credit", ct);
            }
            foreach (var sender in senders)
            {
                await provisioning.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = customer.Id, Value = sender }, ct);
            }

            return customer;
        }

        async Task<ApiKey> KeyAsync(string name, long customerId, int tps = 0)
        {
            var (token, prefix, hash) = ApiKeyToken.Create();
            _tokens[name] = token;
            return await provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, CustomerId = customerId, Name = name, Prefix = prefix, SecretHash = hash, Tps = tps }, ct);
        }
    }
}
