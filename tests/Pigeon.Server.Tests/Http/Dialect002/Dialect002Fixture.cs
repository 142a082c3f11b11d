using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Server.Tests.Support;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests.Http.Dialect002;

/// <summary>
/// `pigeon serve` for dialect 002: a first start, then, straight in the store, Bangladeshi customers (A, B, one
/// without balance, one suspended) with the sender "ENGINEERING", API keys (plain, limited to 2 messages/s, bound
/// to another address, one for the request limiter), a number blocked for everyone and one blocked for A; then
/// serve again on the same directory with a small per-key request burst.
/// </summary>
public sealed class Dialect002Fixture : IAsyncLifetime
{
    public const string Sender = "ENGINEERING";

    /// <summary>Blocked for every customer.</summary>
    public const string BlockedForEveryone = "8801711000001";

    /// <summary>Blocked for customer A only.</summary>
    public const string BlockedForA = "8801711000002";

    /// <summary>Requests a key may make at once before 4029 (Pigeon:Http:RequestBurstPerKey).</summary>
    public const int RequestBurst = 100;

    private readonly string _simulatorPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
    private ServeProcess? _serve;

    internal ServeProcess Serve => _serve ?? throw new InvalidOperationException("Not started.");

    internal string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pigeon-002-" + Guid.NewGuid().ToString("N"));

    internal long CustomerA { get; private set; }

    internal long CustomerB { get; private set; }

    internal string TokenA { get; private set; } = string.Empty;

    internal string TokenA2PerSecond { get; private set; } = string.Empty;

    internal string TokenAOtherAddress { get; private set; } = string.Empty;

    internal string TokenARequestLimit { get; private set; } = string.Empty;

    internal string TokenARevoked { get; private set; } = string.Empty;

    internal string TokenB { get; private set; } = string.Empty;

    internal string TokenPoor { get; private set; } = string.Empty;

    internal string TokenSuspended { get; private set; } = string.Empty;

    internal string OperatorToken { get; private set; } = string.Empty;

    /// <summary>The first start's demo SMPP account.</summary>
    internal string SystemId { get; private set; } = string.Empty;

    internal string Password { get; private set; } = string.Empty;

    internal Uri BaseAddress => new($"http://127.0.0.1:{Serve.HttpPort}");

    private static Dictionary<string, string> Environment => new()
    {
        ["PIGEON__ProvisioningRefreshInterval"] = "00:00:00.200",
        ["PIGEON__Http__RequestBurstPerKey"] = RequestBurst.ToString(CultureInfo.InvariantCulture),
        ["PIGEON__Http__RequestsPerSecondPerKey"] = "50",
        ["PIGEON__Http__MaxRequestBodyBytes"] = "65536",
    };

    public async ValueTask InitializeAsync()
    {
        await using (var first = await ServeProcess.StartAsync(DataDirectory, Environment, "--simulator-port", _simulatorPort))
        {
            var credentials = first.ReadCredentials();
            OperatorToken = credentials["operator API key"];
            (SystemId, Password) = (credentials["SMPP system_id"], credentials["SMPP password"]);
            await first.TerminateAsync();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        await ProvisionAsync();
        _serve = await ServeProcess.StartAsync(DataDirectory, Environment, "--simulator-port", _simulatorPort);
    }

    /// <summary>Stops serve with SIGTERM and starts it again on the same directory.</summary>
    internal async Task RestartAsync()
    {
        await Serve.TerminateAsync();
        await Serve.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await Serve.DisposeAsync();
        _serve = await ServeProcess.StartAsync(DataDirectory, Environment, "--simulator-port", _simulatorPort);
    }

    /// <summary>POSTs <paramref name="body"/> as <paramref name="contentType"/>; the status, the JSON answer (null when not JSON) and the response.</summary>
    internal async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string path, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, path)) { Content = content });
    }

    /// <summary>POSTs raw bytes as application/json.</summary>
    internal async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostBytesAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, path)) { Content = content });
    }

    internal Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string pathAndQuery) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, pathAndQuery)));

    internal static async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using (request)
        {
            var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            JsonNode? body = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                body = JsonNode.Parse(text);
            }

            return ((int)response.StatusCode, body, response);
        }
    }

    /// <summary>`pigeon messages show ID --json` on this directory: the stored message, or null when there is none.</summary>
    internal async Task<JsonNode?> ShowMessageAsync(string id)
    {
        var (exit, output) = await RunPigeonAsync("messages", "show", id, "--data", DataDirectory, "--json");
        return exit == 0 ? JsonNode.Parse(output) : null;
    }

    /// <summary>Runs the pigeon executable to its end; its exit code and standard output.</summary>
    internal static async Task<(int Exit, string Output)> RunPigeonAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pigeon.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pigeon did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
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
        var p = store.Provisioning;

        async Task<Customer> CustomerAsync(string name, decimal credit, string sender)
        {
            var customer = await p.CreateCustomerAsync(new Customer { Id = 0, Name = name, Country = "BD", Currency = "EUR" }, ct);
            if (credit > 0)
            {
                await p.CreditAsync(customer.Id, credit, "test credit", ct);
            }

            await p.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = customer.Id, Value = sender }, ct);
            return customer;
        }

        async Task<string> KeyAsync(long customerId, int tps = 0, IReadOnlyList<string>? ips = null)
        {
            var (token, prefix, hash) = ApiKeyToken.Create();
            await p.CreateApiKeyAsync(new ApiKey { Id = 0, CustomerId = customerId, Name = "test", Prefix = prefix, SecretHash = hash, Tps = tps, AllowedIps = ips ?? [] }, ct);
            return token;
        }

        var a = await CustomerAsync("bd-a", 1000m, Sender);
        await p.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = a.Id, Value = "8801911000000" }, ct);
        var b = await CustomerAsync("bd-b", 1000m, Sender);
        await p.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = b.Id, Value = "BONLY" }, ct);
        var poor = await CustomerAsync("bd-poor", 0m, Sender);
        var suspended = await CustomerAsync("bd-suspended", 100m, Sender);
        await p.SetCustomerStatusAsync(suspended.Id, CustomerStatus.Suspended, ct);
        (CustomerA, CustomerB) = (a.Id, b.Id);
        TokenA = await KeyAsync(a.Id);
        TokenA2PerSecond = await KeyAsync(a.Id, tps: 2);
        TokenAOtherAddress = await KeyAsync(a.Id, ips: ["10.20.30.40"]);
        TokenARequestLimit = await KeyAsync(a.Id);
        TokenARevoked = await KeyAsync(a.Id);
        var revoked = (await p.ListApiKeysAsync(a.Id, ct))[^1];
        await p.RevokeApiKeyAsync(revoked.Id, DateTimeOffset.UtcNow, ct);
        TokenB = await KeyAsync(b.Id);
        TokenPoor = await KeyAsync(poor.Id);
        TokenSuspended = await KeyAsync(suspended.Id);
        await p.BlockNumberAsync(new BlockedNumber { Number = BlockedForEveryone }, ct);
        await p.BlockNumberAsync(new BlockedNumber { Number = BlockedForA, CustomerId = a.Id }, ct);
    }
}
