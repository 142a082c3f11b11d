using Pigeon.Gateway.Accounts;

namespace Pigeon.Storage.Tests;

/// <summary>This part: the block list of destinations.</summary>
public abstract partial class GatewayStoreContract
{
    // The PostgreSQL database is shared by the suite's runs, so each run blocks numbers of its own.
    private readonly string _blockedBase = "4479" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string BlockedBase => _blockedBase;

    private string Blocked(int n) => _blockedBase + n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Blocked_numbers_are_kept_per_scope_and_loaded_in_the_snapshot()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);

        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(1) }, Ct));
        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(1), CustomerId = customer.Id }, Ct));
        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(2), CustomerId = customer.Id }, Ct));

        var snapshot = await Store.Provisioning.LoadSnapshotAsync(Ct);
        Assert.Equal(
            [(Blocked(1), (long?)null), (Blocked(1), customer.Id), (Blocked(2), customer.Id)],
            snapshot.BlockedNumbers.Where(n => n.Number.StartsWith(BlockedBase, StringComparison.Ordinal)).Select(n => (n.Number, n.CustomerId)));
        Assert.All(snapshot.BlockedNumbers, n => Assert.NotEqual(default, n.CreatedAt));
    }

    [Fact]
    public async Task Blocking_a_number_twice_in_one_scope_is_refused_and_changes_nothing()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(3) }, Ct));
        Assert.True(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(3), CustomerId = customer.Id }, Ct));
        var before = await Store.Provisioning.GetProvisioningVersionAsync(Ct);

        Assert.False(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(3) }, Ct));
        Assert.False(await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(3), CustomerId = customer.Id }, Ct));

        Assert.Equal(before, await Store.Provisioning.GetProvisioningVersionAsync(Ct));
        Assert.Equal(2, (await Store.Provisioning.ListBlockedNumbersAsync(null, Ct)).Count(n => n.Number == Blocked(3)));
    }

    [Fact]
    public async Task A_customers_list_holds_its_own_blocks_and_the_operator_wide_ones_only()
    {
        var mine = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var other = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(4) }, Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(5), CustomerId = mine.Id }, Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(6), CustomerId = other.Id }, Ct);

        var listed = await Store.Provisioning.ListBlockedNumbersAsync(mine.Id, Ct);

        Assert.Contains(listed, n => n.Number == Blocked(4) && n.CustomerId == null);
        Assert.Contains(listed, n => n.Number == Blocked(5) && n.CustomerId == mine.Id);
        Assert.DoesNotContain(listed, n => n.Number == Blocked(6));
    }

    [Fact]
    public async Task Unblocking_lifts_one_scope_only_and_bumps_the_change_marker()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(7) }, Ct);
        await Store.Provisioning.BlockNumberAsync(new BlockedNumber { Number = Blocked(7), CustomerId = customer.Id }, Ct);
        var before = await Store.Provisioning.GetProvisioningVersionAsync(Ct);

        Assert.True(await Store.Provisioning.UnblockNumberAsync(Blocked(7), customer.Id, Ct));
        Assert.False(await Store.Provisioning.UnblockNumberAsync(Blocked(7), customer.Id, Ct));

        Assert.True(await Store.Provisioning.GetProvisioningVersionAsync(Ct) > before);
        var left = Assert.Single(await Store.Provisioning.ListBlockedNumbersAsync(null, Ct), n => n.Number == Blocked(7));
        Assert.Null(left.CustomerId);
        Assert.True(await Store.Provisioning.UnblockNumberAsync(Blocked(7), null, Ct));
        Assert.DoesNotContain(await Store.Provisioning.ListBlockedNumbersAsync(null, Ct), n => n.Number == Blocked(7));
    }
}
