using System.Text.Json;
using Pigeon.Gateway.Security;
using Pigeon.Storage.Sqlite;
using Pigeon.Tests.Support;

namespace Pigeon.Tests.Provisioning;

/// <summary>The operators' provisioning commands, run as real `pigeon` processes against a fresh data directory.</summary>
public sealed class ProvisioningCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("pigeon-provision-");

    public void Dispose() => _data.Delete(recursive: true);

    private async Task<PigeonProcess> RunAsync(params string[] arguments) =>
        await PigeonProcess.RunAsync(Timeout, [.. arguments, "--data", _data.FullName]);

    private async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        await using var pigeon = await RunAsync([.. arguments, "--json"]);
        Assert.True(pigeon.ExitCode == 0, $"exit {pigeon.ExitCode}: {pigeon.StandardError}");
        return pigeon.LastJsonLine();
    }

    [Fact]
    public async Task Added_customer_is_listed_in_json_with_its_opening_credit()
    {
        await JsonAsync("customers", "add", "acme", "--country", "de", "--currency", "EUR", "--credit", "12.345678");

        var list = await JsonAsync("customers", "list");

        var customer = Assert.Single(list.GetProperty("customers").EnumerateArray());
        Assert.Equal("acme", customer.GetProperty("name").GetString());
        Assert.Equal("DE", customer.GetProperty("country").GetString());
        Assert.Equal("active", customer.GetProperty("status").GetString());
        Assert.Equal(12.345678m, customer.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Duplicate_customer_name_exits_1_with_a_clear_message()
    {
        await JsonAsync("customers", "add", "acme");

        await using var again = await RunAsync("customers", "add", "acme");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("'acme' is already taken", again.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_customer_exits_1_naming_it()
    {
        await using var pigeon = await RunAsync("balance", "show", "--customer", "nobody");

        Assert.Equal(1, pigeon.ExitCode);
        Assert.Contains("no customer 'nobody'", pigeon.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_smpp_password_verifies_against_the_stored_hash_and_is_never_listed()
    {
        await JsonAsync("customers", "add", "acme");

        var added = await JsonAsync("smpp-accounts", "add", "--customer", "acme");

        var systemId = added.GetProperty("system_id").GetString()!;
        var password = added.GetProperty("password").GetString()!;
        Assert.InRange(systemId.Length, 1, 15);
        Assert.InRange(password.Length, 1, 8);
        await using (var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(_data.FullName, "pigeon.db") }, TimeProvider.System))
        {
            var account = await store.Provisioning.FindSmppAccountAsync(systemId, TestContext.Current.CancellationToken);
            Assert.NotNull(account);
            Assert.NotEqual(PasswordVerification.Failed, new PasswordHasher().Verify(password, account.PasswordHash));
            Assert.DoesNotContain(password, account.PasswordHash, StringComparison.Ordinal);
        }

        await using var listJson = await RunAsync("smpp-accounts", "list", "--json");
        await using var listText = await RunAsync("smpp-accounts", "list");
        await using var show = await RunAsync("customers", "show", "acme");
        foreach (var output in new[] { listJson, listText, show }.Select(p => string.Join('\n', p.StandardOutput)))
        {
            Assert.Contains(systemId, output, StringComparison.Ordinal);
            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
            Assert.DoesNotContain("pbkdf2", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Given_smpp_credentials_are_kept_and_a_taken_system_id_exits_1()
    {
        await JsonAsync("customers", "add", "acme");
        var added = await JsonAsync("smpp-accounts", "add", "--customer", "acme", "--system-id", "acme01", "--password", "s3cret", "--tps", "20", "--allow-ip", "10.0.0.0/8", "--cug", "4479*");

        await using var again = await RunAsync("smpp-accounts", "add", "--customer", "acme", "--system-id", "acme01");

        Assert.Equal(("acme01", "s3cret", 20), (added.GetProperty("system_id").GetString(), added.GetProperty("password").GetString(), added.GetProperty("tps").GetInt32()));
        Assert.Equal(["4479*"], added.GetProperty("closed_user_group").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("'acme01' is already taken", again.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smpp_account_bind_and_submit_flags_round_trip()
    {
        await JsonAsync("customers", "add", "acme");
        await JsonAsync("smpp-accounts", "add", "--customer", "acme", "--system-id", "acme01");

        var submitOff = await JsonAsync("smpp-accounts", "disable", "acme01", "--submit");
        var allOff = await JsonAsync("smpp-accounts", "disable", "acme01");
        var bindOn = await JsonAsync("smpp-accounts", "enable", "acme01", "--bind");
        await JsonAsync("smpp-accounts", "enable", "acme01");
        var listed = Assert.Single((await JsonAsync("smpp-accounts", "list", "--customer", "acme")).GetProperty("smpp_accounts").EnumerateArray());

        static (bool, bool) Flags(JsonElement a) => (a.GetProperty("bind_enabled").GetBoolean(), a.GetProperty("submit_enabled").GetBoolean());
        Assert.Equal((true, false), Flags(submitOff));
        Assert.Equal((false, false), Flags(allOff));
        Assert.Equal((true, false), Flags(bindOn));
        Assert.Equal((true, true), Flags(listed));
    }

    [Fact]
    public async Task Customer_disable_and_enable_round_trip()
    {
        await JsonAsync("customers", "add", "acme");

        var disabled = await JsonAsync("customers", "disable", "acme");
        var shownDisabled = await JsonAsync("customers", "show", "1");
        await JsonAsync("customers", "enable", "acme");
        var shownEnabled = await JsonAsync("customers", "show", "acme");

        Assert.Equal("suspended", disabled.GetProperty("status").GetString());
        Assert.Equal("suspended", shownDisabled.GetProperty("status").GetString());
        Assert.Equal("active", shownEnabled.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Suppliers_and_routes_are_added_listed_and_removed_without_showing_the_supplier_password()
    {
        await JsonAsync("customers", "add", "acme");
        var supplier = await JsonAsync("suppliers", "add", "upstream", "--host", "127.0.0.1", "--port", "2776", "--system-id", "pigeon", "--password", "hush1234", "--binds", "2", "--tls");
        await JsonAsync("suppliers", "suspend", "upstream");
        await JsonAsync("suppliers", "admin-down", "upstream");
        var route = await JsonAsync("routes", "add", "--prefix", "44", "--supplier", "upstream", "--price", "0.035", "--customer", "acme", "--priority", "1");

        var suppliers = await JsonAsync("suppliers", "list");
        var routes = await JsonAsync("routes", "list");
        await using var text = await RunAsync("suppliers", "list");
        await JsonAsync("routes", "remove", route.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var routesAfter = await JsonAsync("routes", "list");
        await JsonAsync("suppliers", "remove", "upstream");
        var suppliersAfter = await JsonAsync("suppliers", "list");

        var listed = Assert.Single(suppliers.GetProperty("suppliers").EnumerateArray());
        Assert.Equal((false, true, true, 2), (listed.GetProperty("admin_up").GetBoolean(), listed.GetProperty("submit_suspended").GetBoolean(), listed.GetProperty("tls").GetBoolean(), listed.GetProperty("binds").GetInt32()));
        foreach (var output in new[] { supplier.GetRawText(), suppliers.GetRawText(), string.Join('\n', text.StandardOutput) })
        {
            Assert.DoesNotContain("hush1234", output, StringComparison.Ordinal);
        }

        var listedRoute = Assert.Single(routes.GetProperty("routes").EnumerateArray());
        Assert.Equal(("44", "upstream", "acme", 0.035m, 1), (listedRoute.GetProperty("prefix").GetString(), listedRoute.GetProperty("supplier").GetString(), listedRoute.GetProperty("customer").GetString(), listedRoute.GetProperty("price").GetDecimal(), listedRoute.GetProperty("priority").GetInt32()));
        Assert.Empty(routesAfter.GetProperty("routes").EnumerateArray());
        Assert.Empty(suppliersAfter.GetProperty("suppliers").EnumerateArray());
    }

    [Fact]
    public async Task Suppliers_set_changes_only_what_it_is_given_and_keeps_the_routes()
    {
        await JsonAsync("suppliers", "add", "upstream", "--host", "127.0.0.1", "--port", "2776", "--system-id", "pigeon", "--password", "hush1234", "--binds", "2", "--tps", "50");
        await JsonAsync("routes", "add", "--prefix", "44", "--supplier", "upstream", "--price", "0.035");

        var changed = await JsonAsync("suppliers", "set", "upstream", "--binds", "4", "--window", "128", "--password", "new5678");
        await using var text = await RunAsync("suppliers", "set", "upstream", "--tps", "0", "--port", "2777");
        var listed = Assert.Single((await JsonAsync("suppliers", "list")).GetProperty("suppliers").EnumerateArray());
        var routes = await JsonAsync("routes", "list");

        Assert.Equal((4, 128, 50, 2776), (changed.GetProperty("binds").GetInt32(), changed.GetProperty("window").GetInt32(), changed.GetProperty("tps").GetInt32(), changed.GetProperty("port").GetInt32()));
        Assert.Equal(
            ("127.0.0.1", 2777, "pigeon", 4, 128, 0),
            (listed.GetProperty("host").GetString(), listed.GetProperty("port").GetInt32(), listed.GetProperty("system_id").GetString(), listed.GetProperty("binds").GetInt32(), listed.GetProperty("window").GetInt32(), listed.GetProperty("tps").GetInt32()));
        Assert.Contains("supplier upstream updated", string.Join('\n', text.StandardOutput), StringComparison.Ordinal);
        foreach (var output in new[] { changed.GetRawText(), string.Join('\n', text.StandardOutput) })
        {
            Assert.DoesNotContain("new5678", output, StringComparison.Ordinal);
        }

        Assert.Equal("upstream", Assert.Single(routes.GetProperty("routes").EnumerateArray()).GetProperty("supplier").GetString());
        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(_data.FullName, "pigeon.db") }, TimeProvider.System);
        Assert.Equal("new5678", (await store.Provisioning.FindSupplierAsync("upstream", CancellationToken.None))!.Password);
    }

    [Fact]
    public async Task Balance_add_then_show_lists_the_ledger_newest_first()
    {
        await JsonAsync("customers", "add", "acme", "--credit", "10");

        var added = await JsonAsync("balance", "add", "--customer", "acme", "--amount", "2.5", "--reason", "top-up");
        var corrected = await JsonAsync("balance", "add", "--customer", "acme", "--amount", "-0.000001");
        var shown = await JsonAsync("balance", "show", "--customer", "acme");

        Assert.Equal(12.5m, added.GetProperty("balance").GetDecimal());
        Assert.Equal(12.499999m, corrected.GetProperty("balance").GetDecimal());
        Assert.Equal(12.499999m, shown.GetProperty("balance").GetDecimal());
        Assert.Equal(
            [("adjustment", -0.000001m), ("credit", 2.5m), ("credit", 10m)],
            shown.GetProperty("ledger").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("amount").GetDecimal())));
    }

    [Fact]
    public async Task Messages_list_on_an_empty_store_is_empty_with_no_next_page()
    {
        await JsonAsync("customers", "add", "acme");

        var page = await JsonAsync("messages", "list", "--customer", "acme", "--since", "2026-11-01", "--limit", "10");
        await using var text = await RunAsync("messages", "list", "--customer", "acme", "--since", "1h");

        Assert.Empty(page.GetProperty("messages").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("(none)", text.StandardOutput);
    }

    [Theory]
    [InlineData("balance add --customer acme --amount 1,5", "--amount")]
    [InlineData("balance add --customer acme --amount 1e3", "--amount")]
    [InlineData("balance add --customer acme --amount 0.0000001", "--amount")]
    [InlineData("balance add --customer acme --amount 0", "--amount")]
    [InlineData("customers add acme --credit -5", "--credit")]
    [InlineData("customers add acme --country GBR", "--country")]
    [InlineData("routes add --prefix 44 --supplier sim --price abc", "--price")]
    [InlineData("smpp-accounts add --customer acme --password ninechars", "--password")]
    [InlineData("smpp-accounts add --customer acme --system-id sixteen-chars-xx", "--system-id")]
    [InlineData("smpp-accounts add --customer acme --allow-ip 300.1.1.1", "--allow-ip")]
    [InlineData("messages list --customer acme --since yesterday", "--since")]
    [InlineData("messages list --customer acme --limit 0", "--limit")]
    [InlineData("balance add --amount 5", "--customer")]
    [InlineData("suppliers add sim --host 127.0.0.1 --port abc --system-id s --password p", "--port")]
    public async Task Bad_value_or_usage_exits_2_naming_the_flag(string commandLine, string flag)
    {
        await using var pigeon = await RunAsync(commandLine.Split(' '));

        Assert.Equal(2, pigeon.ExitCode);
        Assert.Contains(flag, pigeon.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("customers", "add")]
    [InlineData("smpp-accounts", "add")]
    [InlineData("senders", "add")]
    [InlineData("numbers", "add")]
    [InlineData("suppliers", "add")]
    [InlineData("suppliers", "set")]
    [InlineData("routes", "add")]
    [InlineData("balance", "add")]
    [InlineData("messages", "show")]
    [InlineData("messages", "list")]
    public async Task Every_provisioning_command_has_help(params string[] command)
    {
        await using var pigeon = await PigeonProcess.RunAsync(Timeout, [.. command, "--help"]);

        Assert.Equal(0, pigeon.ExitCode);
        Assert.Contains("--json", string.Join('\n', pigeon.StandardOutput), StringComparison.Ordinal);
    }
}
