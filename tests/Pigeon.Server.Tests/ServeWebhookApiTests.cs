using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Server.Tests.Support;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests;

/// <summary>The native API's /v1/webhooks endpoints of `pigeon serve`, each scoped to the API key's customer.</summary>
public sealed class ServeWebhookApiTests : IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("pigeon-webhook-api-").FullName;
    private readonly HttpClient _http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_sets_its_webhooks_sees_the_secret_once_and_another_customer_sees_none_of_it()
    {
        await using var serve = await StartServeAsync();
        var demoKey = await CreateKeyAsync("demo");
        var otherKey = await CreateKeyAsync("other");
        var baseUrl = $"http://127.0.0.1:{serve.HttpPort}/v1/webhooks";

        using var created = await SendUntilKnownAsync(HttpMethod.Put, baseUrl, demoKey, """{"receipts_url": "https://demo.example/r", "mo_url": null}""");
        using var replaced = await SendAsync(HttpMethod.Put, baseUrl, demoKey, """{"receipts_url": "https://demo.example/r2"}""");
        using var read = await SendAsync(HttpMethod.Get, baseUrl, demoKey);
        using var invalid = await SendAsync(HttpMethod.Put, baseUrl, demoKey, """{"receipts_url": "ftp://demo.example/r"}""");
        using var rotated = await SendAsync(HttpMethod.Post, baseUrl + "/rotate-secret", demoKey);
        using var deliveries = await SendAsync(HttpMethod.Get, baseUrl + "/deliveries?limit=10", demoKey);
        using var others = await SendUntilKnownAsync(HttpMethod.Get, baseUrl, otherKey);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await JsonAsync(created)).GetProperty("secret").GetString();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.False((await JsonAsync(replaced)).TryGetProperty("secret", out _));
        var settings = await JsonAsync(read);
        Assert.Equal("https://demo.example/r2", settings.GetProperty("receipts_url").GetString());
        Assert.False(settings.TryGetProperty("secret", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("invalid_webhook_url", (await JsonAsync(invalid)).GetProperty("code").GetString());
        Assert.NotEqual(secret, (await JsonAsync(rotated)).GetProperty("secret").GetString());
        Assert.Empty((await JsonAsync(deliveries)).GetProperty("deliveries").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal("webhooks_not_set", (await JsonAsync(others)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task By_default_a_webhook_url_at_a_private_address_is_422_invalid_webhook_url()
    {
        await using var serve = await StartServeAsync();
        var key = await CreateKeyAsync("demo");
        var url = $"http://127.0.0.1:{serve.HttpPort}/v1/webhooks";

        using var loopback = await SendUntilKnownAsync(HttpMethod.Put, url, key, """{"receipts_url": "http://127.0.0.1:8080/hooks"}""");
        using var metadata = await SendAsync(HttpMethod.Put, url, key, """{"mo_url": "http://169.254.169.254/latest/meta-data/"}""");
        using var mapped = await SendAsync(HttpMethod.Put, url, key, """{"receipts_url": "http://[::ffff:10.0.0.1]/hooks"}""");
        using var unset = await SendAsync(HttpMethod.Get, url, key);

        foreach (var refused in new[] { loopback, metadata, mapped })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await JsonAsync(refused);
            Assert.Equal("invalid_webhook_url", problem.GetProperty("code").GetString());
            Assert.Contains("Pigeon:Webhooks:AllowPrivateAddresses", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, unset.StatusCode);
    }

    [Fact]
    public async Task A_webhook_url_at_a_private_address_is_taken_when_the_operator_allows_it()
    {
        await using var serve = await StartServeAsync(new Dictionary<string, string> { ["PIGEON__Webhooks__AllowPrivateAddresses"] = "true" });
        var key = await CreateKeyAsync("demo");

        using var set = await SendUntilKnownAsync(HttpMethod.Put, $"http://127.0.0.1:{serve.HttpPort}/v1/webhooks", key, """{"receipts_url": "http://127.0.0.1:8080/hooks"}""");

        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Serve picking up new customers every half second, with <paramref name="settings"/> besides.</summary>
    private Task<ServeProcess> StartServeAsync(Dictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(settings ?? []) { ["PIGEON__ProvisioningRefreshInterval"] = "00:00:00.500" };
        return ServeProcess.StartAsync(_data, environment);
    }

    /// <summary>A customer (made when missing) and a new API key of it, straight in the store; returns the token.</summary>
    private async Task<string> CreateKeyAsync(string customerName)
    {
        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(_data, "pigeon.db") }, TimeProvider.System);
        var customer = await store.Provisioning.FindCustomerAsync(customerName, Ct)
            ?? await store.Provisioning.CreateCustomerAsync(new Customer { Id = 0, Name = customerName, Country = "GB", Currency = "EUR" }, Ct);
        var (token, prefix, hash) = ApiKeyToken.Create();
        await store.Provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, CustomerId = customer.Id, Name = "test", Prefix = prefix, SecretHash = hash }, Ct);
        return token;
    }

    /// <summary>Sends until the running gateway knows the key (it picks up new customers within a refresh).</summary>
    private async Task<HttpResponseMessage> SendUntilKnownAsync(HttpMethod method, string url, string key, string? body = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var response = await SendAsync(method, url, key, body);
            if (response.StatusCode != HttpStatusCode.Unauthorized && response.StatusCode != HttpStatusCode.Forbidden || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(200, Ct);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string key, string? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
}
