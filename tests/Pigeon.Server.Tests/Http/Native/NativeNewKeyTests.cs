using System.Diagnostics;
using System.Net;
using Pigeon.Gateway.Security;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>
/// Keys the running gateway's snapshot does not have: one made a moment ago works at once, and made-up ones of the
/// right shape cost no read of the keys and a bounded number of version checks, however many come at once.
/// </summary>
public sealed class NativeNewKeyTests(NewKeyServeFixture fixture) : IClassFixture<NewKeyServeFixture>
{
    // The authenticator's least time between two checks of the store's provisioning version (RecentApiKeys).
    private static readonly TimeSpan CheckSpacing = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_burst_of_made_up_keys_reads_no_key_and_checks_the_version_at_most_once_per_spacing()
    {
        const int Tokens = 300;
        var versionChecksBefore = await fixture.StoreReadsAsync("version");
        var keyReadsBefore = await fixture.StoreReadsAsync("keys");

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Tokens).Select(async _ =>
        {
            using var api = new NativeApiClient(fixture.BaseAddress, ApiKeyToken.Create().Token);
            return await api.GetAsync("v1/balance");
        }));
        var elapsed = clock.Elapsed;

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, "api_key_invalid"), (a.Status, a.Code)));
        var versionChecks = await fixture.StoreReadsAsync("version") - versionChecksBefore;
        Assert.InRange(versionChecks, 1, (long)(elapsed / CheckSpacing) + 1);
        Assert.Equal(0, await fixture.StoreReadsAsync("keys") - keyReadsBefore);
    }

    [Fact]
    public async Task A_key_made_after_its_prefix_was_refused_works_at_once()
    {
        var (token, prefix, hash) = ApiKeyToken.Create();
        using var api = new NativeApiClient(fixture.BaseAddress, token);
        var before = await api.GetAsync("v1/balance");

        await fixture.CreateKeyAsync(prefix, hash);
        var after = await api.GetAsync("v1/balance");

        Assert.Equal(HttpStatusCode.Unauthorized, before.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task Made_up_keys_after_a_new_key_was_found_cost_no_more_key_reads()
    {
        var (token, prefix, hash) = ApiKeyToken.Create();
        await fixture.CreateKeyAsync(prefix, hash);
        using var known = new NativeApiClient(fixture.BaseAddress, token);
        Assert.Equal(HttpStatusCode.OK, (await known.GetAsync("v1/balance")).Status);
        var keyReadsBefore = await fixture.StoreReadsAsync("keys");

        for (var i = 0; i < 20; i++)
        {
            using var api = new NativeApiClient(fixture.BaseAddress, ApiKeyToken.Create().Token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("v1/balance")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await known.GetAsync("v1/balance")).Status);
        Assert.Equal(keyReadsBefore, await fixture.StoreReadsAsync("keys"));
    }
}
