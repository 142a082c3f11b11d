using System.Text.Json;
using Pigeon.Tests.Support;

namespace Pigeon.Tests.Provisioning;

/// <summary>`pigeon webhooks`, run as real processes against a fresh data directory.</summary>
public sealed class WebhooksCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("pigeon-webhooks-cli-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Set_prints_the_secret_once_on_creation_and_show_never_prints_it()
    {
        await JsonAsync("customers", "add", "acme");

        var created = await JsonAsync("webhooks", "set", "--customer", "acme", "--receipts", "https://acme.example/receipts");
        var updated = await JsonAsync("webhooks", "set", "--customer", "acme", "--mo", "https://acme.example/mo");
        await using var shown = await RunAsync("webhooks", "show", "--customer", "acme");

        var secret = created.GetProperty("secret").GetString()!;
        Assert.Matches("^whsec_[A-Za-z0-9]{43}$", secret);
        Assert.False(updated.TryGetProperty("secret", out _));
        Assert.Equal(("https://acme.example/receipts", "https://acme.example/mo"), (updated.GetProperty("receipts_url").GetString(), updated.GetProperty("mo_url").GetString()));
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("https://acme.example/mo", string.Join("\n", shown.StandardOutput), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, string.Join("\n", shown.StandardOutput), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_secret_prints_a_new_secret_and_remove_forgets_the_settings()
    {
        await JsonAsync("customers", "add", "acme");
        var first = (await JsonAsync("webhooks", "set", "--customer", "acme", "--receipts", "https://acme.example/r")).GetProperty("secret").GetString();

        var rotated = (await JsonAsync("webhooks", "rotate-secret", "--customer", "acme")).GetProperty("secret").GetString();
        await JsonAsync("webhooks", "remove", "--customer", "acme");
        await using var shown = await RunAsync("webhooks", "show", "--customer", "acme");

        Assert.NotEqual(first, rotated);
        Assert.Equal(1, shown.ExitCode);
        Assert.Contains("has no webhooks", shown.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_a_usage_error()
    {
        await JsonAsync("customers", "add", "acme");

        await using var pigeon = await RunAsync("webhooks", "set", "--customer", "acme", "--receipts", "ftp://acme.example/r");

        Assert.NotEqual(0, pigeon.ExitCode);
        Assert.Contains("not an absolute http or https URL", pigeon.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_a_url_at_a_private_address_is_a_usage_error_naming_the_setting()
    {
        await JsonAsync("customers", "add", "acme");

        await using var pigeon = await RunAsync("webhooks", "set", "--customer", "acme", "--receipts", "http://169.254.169.254/latest/meta-data/");

        Assert.Equal(2, pigeon.ExitCode);
        Assert.Contains("Pigeon:Webhooks:AllowPrivateAddresses", pigeon.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_at_a_private_address_is_set_when_the_setting_allows_it()
    {
        await JsonAsync("customers", "add", "acme");

        await using var pigeon = await PigeonProcess.RunAsync(
            Timeout,
            new Dictionary<string, string> { ["PIGEON__Webhooks__AllowPrivateAddresses"] = "true" },
            "webhooks", "set", "--customer", "acme", "--receipts", "http://127.0.0.1:8080/hooks", "--data", _data.FullName, "--json");

        Assert.True(pigeon.ExitCode == 0, $"exit {pigeon.ExitCode}: {pigeon.StandardError}");
        Assert.Equal("http://127.0.0.1:8080/hooks", pigeon.LastJsonLine().GetProperty("receipts_url").GetString());
    }

    [Fact]
    public async Task Log_of_a_customer_without_attempts_is_an_empty_page()
    {
        await JsonAsync("customers", "add", "acme");

        var log = await JsonAsync("webhooks", "log", "--customer", "acme");

        Assert.Empty(log.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, log.GetProperty("next").ValueKind);
    }

    private async Task<PigeonProcess> RunAsync(params string[] arguments) =>
        await PigeonProcess.RunAsync(Timeout, [.. arguments, "--data", _data.FullName]);

    private async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        await using var pigeon = await RunAsync([.. arguments, "--json"]);
        Assert.True(pigeon.ExitCode == 0, $"exit {pigeon.ExitCode}: {pigeon.StandardError}");
        return pigeon.LastJsonLine();
    }
}
