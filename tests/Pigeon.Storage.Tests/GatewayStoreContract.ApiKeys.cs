using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>This part: API keys and keyed requests.</summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task Api_key_is_stored_with_prefix_hash_and_addresses_and_found_by_prefix()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var (token, prefix, hash) = ApiKeyToken.Create();

        var key = await Store.Provisioning.CreateApiKeyAsync(
            new ApiKey { Id = 0, CustomerId = customer.Id, Name = "billing", Prefix = prefix, SecretHash = hash, AllowedIps = ["10.0.0.0/8", "127.0.0.1"], Tps = 25 }, Ct);

        var found = await Store.Provisioning.FindApiKeyAsync(prefix, Ct);
        Assert.NotNull(found);
        Assert.Equal(key with { AllowedIps = found.AllowedIps }, found);
        Assert.True(ApiKeyToken.Matches(token, found.SecretHash));
        Assert.Equal(["10.0.0.0/8", "127.0.0.1"], found.AllowedIps);
        Assert.Equal(25, found.Tps);
        Assert.Null(found.RevokedAt);
        Assert.Equal([key.Id], (await Store.Provisioning.ListApiKeysAsync(customer.Id, Ct)).Select(k => k.Id));
        Assert.Contains(key.Id, (await Store.Provisioning.LoadSnapshotAsync(Ct)).ApiKeys.Select(k => k.Id));
    }

    [Fact]
    public async Task Operator_key_has_no_customer_and_is_listed_among_all_keys()
    {
        var (_, prefix, hash) = ApiKeyToken.Create();

        var key = await Store.Provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, Prefix = prefix, SecretHash = hash }, Ct);

        Assert.Null((await Store.Provisioning.FindApiKeyAsync(prefix, Ct))!.CustomerId);
        Assert.Contains(key.Id, (await Store.Provisioning.ListApiKeysAsync(null, Ct)).Select(k => k.Id));
    }

    [Fact]
    public async Task Api_key_prefix_is_unique()
    {
        var (_, prefix, hash) = ApiKeyToken.Create();
        await Store.Provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, Prefix = prefix, SecretHash = hash }, Ct);

        await Assert.ThrowsAsync<NameTakenException>(async () => await Store.Provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, Prefix = prefix, SecretHash = hash }, Ct));
    }

    [Fact]
    public async Task Revoking_a_key_records_the_time_once_and_bumps_the_change_marker()
    {
        var (_, prefix, hash) = ApiKeyToken.Create();
        var key = await Store.Provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, Prefix = prefix, SecretHash = hash }, Ct);
        var before = await Store.Provisioning.GetProvisioningVersionAsync(Ct);
        var at = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

        Assert.True(await Store.Provisioning.RevokeApiKeyAsync(key.Id, at, Ct));
        Assert.False(await Store.Provisioning.RevokeApiKeyAsync(key.Id, at.AddHours(1), Ct));

        Assert.Equal(at, (await Store.Provisioning.FindApiKeyAsync(prefix, Ct))!.RevokedAt);
        Assert.True(await Store.Provisioning.GetProvisioningVersionAsync(Ct) > before);
    }

    [Fact]
    public async Task Key_uses_move_last_used_forward_only()
    {
        var (_, prefix, hash) = ApiKeyToken.Create();
        var key = await Store.Provisioning.CreateApiKeyAsync(new ApiKey { Id = 0, Prefix = prefix, SecretHash = hash }, Ct);
        var later = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

        await Store.Provisioning.RecordApiKeyUsesAsync([new(key.Id, later)], Ct);
        await Store.Provisioning.RecordApiKeyUsesAsync([new(key.Id, later.AddMinutes(-5))], Ct);

        Assert.Equal(later, (await Store.Provisioning.FindApiKeyAsync(prefix, Ct))!.LastUsedAt);
    }

    [Fact]
    public async Task A_keyed_request_is_kept_once_per_customer_and_key()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var other = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var first = new RequestRecord { CustomerId = customer.Id, Key = "idem:abc", Fingerprint = "f1", StatusCode = 201, Response = "{\"id\":1}", CreatedAt = at };

        var kept = await Writer.WriteAsync(new RememberRequest(first), Ct);
        var again = await Writer.WriteAsync(new RememberRequest(first with { Fingerprint = "f2", Response = "{}" }), Ct);
        var otherCustomer = await Writer.WriteAsync(new RememberRequest(first with { CustomerId = other.Id }), Ct);

        Assert.True(kept.Changed);
        Assert.False(again.Changed);
        Assert.True(otherCustomer.Changed);
        Assert.Equal(first, await Store.Messages.FindRequestAsync(customer.Id, "idem:abc", Ct));
        Assert.Null(await Store.Messages.FindRequestAsync(customer.Id, "idem:other", Ct));
    }

    [Fact]
    public async Task Keyed_requests_older_than_a_time_are_forgotten()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var at = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        await Writer.WriteAsync(new RememberRequest(new RequestRecord { CustomerId = customer.Id, Key = "old", CreatedAt = at }), Ct);
        await Writer.WriteAsync(new RememberRequest(new RequestRecord { CustomerId = customer.Id, Key = "new", CreatedAt = at.AddDays(2) }), Ct);

        var forgotten = await Store.Provisioning.ForgetRequestsAsync(at.AddDays(1), Ct);

        Assert.True(forgotten >= 1);
        Assert.Null(await Store.Messages.FindRequestAsync(customer.Id, "old", Ct));
        Assert.NotNull(await Store.Messages.FindRequestAsync(customer.Id, "new", Ct));
    }

    [Fact]
    public async Task A_keyed_request_given_with_a_message_is_kept_with_it_and_an_existing_key_is_left_as_it_is()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (first, firstParts) = Sample.Message(customer.Id, supplier.Id);
        var (second, secondParts) = Sample.Message(customer.Id, supplier.Id);
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var record = new RequestRecord { CustomerId = customer.Id, Key = "002:2026-11-23:abc", Fingerprint = "8801700000001", StatusCode = 200, CreatedAt = at };

        await Writer.WriteAsync(new AcceptMessage(first, firstParts) { Remember = record }, Ct);
        var again = await Writer.WriteAsync(new AcceptMessage(second, secondParts) { Remember = record with { Fingerprint = "other" } }, Ct);

        Assert.True(again.Changed);
        Assert.NotNull(await Store.Messages.GetMessageAsync(second.Id, Ct));
        Assert.Equal(record, await Store.Messages.FindRequestAsync(customer.Id, record.Key, Ct));
    }

    [Fact]
    public async Task Keyed_requests_are_listed_by_the_beginning_of_their_key()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var other = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var day = "002:2031-05-0" + (customer.Id % 9) + ":";
        await Writer.WriteAsync(new RememberRequest(new RequestRecord { CustomerId = customer.Id, Key = day + "a1", CreatedAt = at }), Ct);
        await Writer.WriteAsync(new RememberRequest(new RequestRecord { CustomerId = other.Id, Key = day + "b2", CreatedAt = at }), Ct);
        await Writer.WriteAsync(new RememberRequest(new RequestRecord { CustomerId = customer.Id, Key = "idem:" + day, CreatedAt = at }), Ct);

        var listed = await Store.Messages.ListRequestKeysAsync(day, 1000, Ct);

        Assert.Contains((customer.Id, day + "a1"), listed);
        Assert.Contains((other.Id, day + "b2"), listed);
        Assert.DoesNotContain(listed, k => k.Key.StartsWith("idem:", StringComparison.Ordinal));
        Assert.All(listed, k => Assert.StartsWith(day, k.Key, StringComparison.Ordinal));
    }
}
