using System.Globalization;
using System.Text.RegularExpressions;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Server.Tests.Support;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>
/// A `pigeon serve` that does not re-read its provisioning snapshot while the tests run (every 10 minutes), so a key
/// made in the store meanwhile can only be found by the authenticator's own look-up of new keys; and that look-up's
/// store reads as /metrics counts them.
/// </summary>
public sealed partial class NewKeyServeFixture : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private ServeProcess? _serve;

    internal string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pigeon-native-keys-" + Guid.NewGuid().ToString("N"));

    internal Uri BaseAddress => new($"http://127.0.0.1:{(_serve ?? throw new InvalidOperationException("Not started.")).HttpPort}/");

    public async ValueTask InitializeAsync()
    {
        _serve = await ServeProcess.StartAsync(DataDirectory, new Dictionary<string, string> { ["PIGEON__ProvisioningRefreshInterval"] = "00:10:00" });
    }

    /// <summary>Stores a key of the demo customer with this prefix and hash (from <see cref="ApiKeyToken.Create"/>).</summary>
    internal async Task CreateKeyAsync(string prefix, string hash)
    {
        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(DataDirectory, "pigeon.db") }, TimeProvider.System);
        var demo = await store.Provisioning.FindCustomerAsync("demo", CancellationToken.None) ?? throw new InvalidOperationException("No demo customer.");
        await store.Provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, CustomerId = demo.Id, Name = "new", Prefix = prefix, SecretHash = hash }, CancellationToken.None);
    }

    /// <summary>The store reads made to find keys newer than the snapshot so far, of one kind ("version" or "keys").</summary>
    internal async Task<long> StoreReadsAsync(string read)
    {
        var metrics = await _http.GetStringAsync(new Uri(BaseAddress, "metrics"), TestContext.Current.CancellationToken);
        foreach (Match match in StoreReadLine().Matches(metrics))
        {
            if (match.Groups["read"].Value == read)
            {
                return (long)double.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
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

    [GeneratedRegex("""^pigeon_gateway_api_key_store_reads(?:_total)?\{read="(?<read>\w+)"\} (?<count>\S+)$""", RegexOptions.Multiline)]
    private static partial Regex StoreReadLine();
}
