using Pigeon.Gateway.Accounts;

namespace Pigeon.Storage.Tests;

/// <summary>This part: the block list of destinations.</summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task Blocked_numbers_are_kept_per_scope_and_loaded_in_the_snapshot()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);

        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000001" }, Ct));
        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000001", CustomerId = customer.Id }, Ct));
        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000002", CustomerId = customer.Id }, Ct));

        var snapshot = await Store.Provisioning.LoadSnapshotAsync(Ct);
        Assert.Equal(
            [("447911000001", (long?)null), ("447911000001", customer.Id), ("447911000002", customer.Id)],
            snapshot.BlockedNumbers.Where(n => n.Number.StartsWith("447911", StringComparison.Ordinal)).Select(n => (n.Number, n.CustomerId)));
        Assert.All(snapshot.BlockedNumbers, n => Assert.NotEqual(default, n.CreatedAt));
    }

    [Fact]
    public async Task Blocking_a_number_twice_in_one_scope_is_refused_and_changes_nothing()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000003" }, Ct));
        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000003", CustomerId = customer.Id }, Ct));
        var before = await Store.Provisioning.GetProvisioningVersionAsync(Ct);

        Assert.False(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000003" }, Ct));
        Assert.False(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000003", CustomerId = customer.Id }, Ct));

        Assert.Equal(before, await Store.Provisioning.GetProvisioningVersionAsync(Ct));
        Assert.Equal(2, (await Store.Provisioning.ListBlockedNumbersAsync(null, Ct)).Count(n => n.Number == "447911000003"));
    }

    [Fact]
    public async Task A_customers_list_holds_its_own_blocks_and_the_operator_wide_ones_only()
    {
        var mine = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var other = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000004" }, Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000005", CustomerId = mine.Id }, Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000006", CustomerId = other.Id }, Ct);

        var listed = await Store.Provisioning.ListBlockedNumbersAsync(mine.Id, Ct);

        Assert.Contains(listed, n => n is { Number: "447911000004", CustomerId: null });
        Assert.Contains(listed, n => n.Number == "447911000005" && n.CustomerId == mine.Id);
        Assert.DoesNotContain(listed, n => n.Number == "447911000006");
    }

    [Fact]
    public async Task Unblocking_lifts_one_scope_only_and_bumps_the_change_marker()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000007" }, Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = "447911000007", CustomerId = customer.Id }, Ct);
        var before = await Store.Provisioning.GetProvisioningVersionAsync(Ct);

        Assert.True(await Store.Provisioning.UnblockNumberAsync("447911000007", customer.Id, Ct));
        Assert.False(await Store.Provisioning.UnblockNumberAsync("447911000007", customer.Id, Ct));

        Assert.True(await Store.Provisioning.GetProvisioningVersionAsync(Ct) > before);
        var left = Assert.Single(await Store.Provisioning.ListBlockedNumbersAsync(null, Ct), n => n.Number == "447911000007");
        Assert.Null(left.CustomerId);
        Assert.True(await Store.Provisioning.UnblockNumberAsync("447911000007", null, Ct));
        Assert.DoesNotContain(await Store.Provisioning.ListBlockedNumbersAsync(null, Ct), n => n.Number == "447911000007");
    }
}
