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
        await using var serve = await ServeProcess.StartAsync(_data, new Dictionary<string, string> { ["PIGEON__ProvisioningRefreshInterval"] = "00:00:00.500" });
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
