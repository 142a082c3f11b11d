using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>
/// This part: what a running gateway polls to notice operators' changes — the provisioning version and the feed of
/// credits and adjustments. Other tests may write to the same database, so versions are compared, never counted.
/// </summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task Every_kind_of_provisioning_write_increases_the_version()
    {
        var p = Store.Provisioning;
        var writes = new List<(string What, Func<Task> Write)>();
        Customer? customer = null;
        SmppAccount? account = null;
        Supplier? supplier = null;
        SenderId? sender = null;
        Route? route = null;
        var number = $"49302{Random.Shared.Next(10_000_000):D7}";
        writes.Add(("create customer", async () => customer = await p.CreateCustomerAsync(Sample.Customer(), Ct)));
        writes.Add(("customer status", async () => await p.SetCustomerStatusAsync(customer!.Id, CustomerStatus.Suspended, Ct)));
        writes.Add(("create account", async () => account = await p.CreateSmppAccountAsync(Sample.SmppAccount(customer!.Id), Ct)));
        writes.Add(("update account", async () => await p.UpdateSmppAccountAsync(account! with { Tps = 7 }, Ct)));
        writes.Add(("add sender", async () => sender = await p.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = customer!.Id, Value = "Pigeon" }, Ct)));
        writes.Add(("add number", async () => await p.AddInboundNumberAsync(new InboundNumber { Number = number, CustomerId = customer!.Id }, Ct)));
        writes.Add(("create supplier", async () => supplier = await p.CreateSupplierAsync(Sample.Supplier(), Ct)));
        writes.Add(("update supplier", async () => await p.UpdateSupplierAsync(supplier! with { AdminUp = false }, Ct)));
        writes.Add(("create route", async () => route = await p.CreateRouteAsync(new Route { Id = 0, Prefix = "49", SupplierId = supplier!.Id, Price = 0.01m, Currency = "EUR" }, Ct)));
        writes.Add(("remove route", async () => await p.RemoveRouteAsync(route!.Id, Ct)));
        writes.Add(("remove number", async () => await p.RemoveInboundNumberAsync(number, Ct)));
        writes.Add(("remove sender", async () => await p.RemoveSenderIdAsync(sender!.Id, Ct)));
        writes.Add(("remove account", async () => await p.RemoveSmppAccountAsync(account!.Id, Ct)));
        writes.Add(("remove supplier", async () => await p.RemoveSupplierAsync(supplier!.Id, Ct)));

        foreach (var (what, write) in writes)
        {
            var before = await p.GetProvisioningVersionAsync(Ct);
            await write();
            var after = await p.GetProvisioningVersionAsync(Ct);
            Assert.True(after > before, $"{what}: version {before} -> {after}");
        }
    }

    [Fact]
    public async Task A_write_that_changes_nothing_or_fails_leaves_the_version()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var before = await Store.Provisioning.GetProvisioningVersionAsync(Ct);

        Assert.False(await Store.Provisioning.RemoveRouteAsync(long.MaxValue, Ct));
        await Assert.ThrowsAsync<NameTakenException>(async () => await Store.Provisioning.CreateCustomerAsync(Sample.Customer() with { Name = customer.Name }, Ct));

        Assert.Equal(before, await Store.Provisioning.GetProvisioningVersionAsync(Ct));
    }

    [Fact]
    public async Task Balance_moves_leave_the_version_alone()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var before = await Store.Provisioning.GetProvisioningVersionAsync(Ct);

        await Store.Provisioning.CreditAsync(customer.Id, 5m, "top-up", Ct);

        Assert.Equal(before, await Store.Provisioning.GetProvisioningVersionAsync(Ct));
    }

    [Fact]
    public async Task Balance_moves_list_credits_and_adjustments_of_every_customer_in_id_order_without_charges()
    {
        var (first, supplier) = await CustomerAndSupplierAsync(credit: 0m);
        var second = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var start = (await Store.Provisioning.LoadSnapshotAsync(Ct)).LastBalanceMoveId;

        await Store.Provisioning.CreditAsync(first.Id, 10m, "top-up", Ct);
        var (message, parts) = Sample.Message(first.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Store.Provisioning.CreditAsync(second.Id, 2.5m, "second", Ct);
        await Store.Provisioning.AdjustBalanceAsync(first.Id, -0.000001m, "correction", Ct);

        var moves = (await Store.Provisioning.ListBalanceMovesAsync(start, 100, Ct))
            .Where(m => m.CustomerId == first.Id || m.CustomerId == second.Id)
            .ToList();
        Assert.Equal(
            [(first.Id, LedgerEntryKind.Credit, 10m), (second.Id, LedgerEntryKind.Credit, 2.5m), (first.Id, LedgerEntryKind.Adjustment, -0.000001m)],
            moves.Select(m => (m.CustomerId, m.Kind, m.Amount)));
        Assert.Equal(moves.Select(m => m.Id).Order(), moves.Select(m => m.Id));
    }

    [Fact]
    public async Task Balance_moves_page_by_the_last_id_seen()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var start = (await Store.Provisioning.LoadSnapshotAsync(Ct)).LastBalanceMoveId;
        for (var i = 1; i <= 3; i++)
        {
            await Store.Provisioning.CreditAsync(customer.Id, i, $"credit {i}", Ct);
        }

        var seen = new List<decimal>();
        var after = start;
        while (true)
        {
            var page = await Store.Provisioning.ListBalanceMovesAsync(after, 1, Ct);
            if (page.Count == 0)
            {
                break;
            }

            Assert.Single(page);
            seen.AddRange(page.Where(m => m.CustomerId == customer.Id).Select(m => m.Amount));
            after = page[^1].Id;
        }

        Assert.Equal([1m, 2m, 3m], seen);
    }

    [Fact]
    public async Task Snapshot_records_the_version_and_the_last_balance_move_it_counts()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        await Store.Provisioning.CreditAsync(customer.Id, 4m, "top-up", Ct);

        var snapshot = await Store.Provisioning.LoadSnapshotAsync(Ct);

        Assert.Equal(await Store.Provisioning.GetProvisioningVersionAsync(Ct), snapshot.Version);
        var newest = (await Store.Provisioning.ListLedgerAsync(customer.Id, null, 1, Ct))[0];
        Assert.True(snapshot.LastBalanceMoveId >= newest.Id);
        Assert.DoesNotContain(await Store.Provisioning.ListBalanceMovesAsync(snapshot.LastBalanceMoveId, 100, Ct), m => m.CustomerId == customer.Id);
        Assert.Equal(4m, snapshot.Customers.Single(c => c.Id == customer.Id).Balance);
    }
}
