using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>This part: accounts, suppliers, routes, the snapshot and unique names.</summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task Customers_are_found_by_id_and_name_and_change_status()
    {
        var created = await Store.Provisioning.CreateCustomerAsync(Sample.Customer() with { Country = "FR", Currency = "USD" }, Ct);

        var changed = await Store.Provisioning.SetCustomerStatusAsync(created.Id, CustomerStatus.Suspended, Ct);

        Assert.True(created.Id > 0);
        Assert.True(changed);
        Assert.False(await Store.Provisioning.SetCustomerStatusAsync(long.MaxValue, CustomerStatus.Closed, Ct));
        var expected = created with { Status = CustomerStatus.Suspended };
        Assert.Equal(expected, await Store.Provisioning.GetCustomerAsync(created.Id, Ct));
        Assert.Equal(expected, await Store.Provisioning.FindCustomerAsync(created.Name, Ct));
        Assert.Contains(expected, await Store.Provisioning.ListCustomersAsync(Ct));
    }

    [Fact]
    public async Task Smpp_account_settings_round_trip_and_the_account_can_be_removed()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var changed = account with
        {
            BindEnabled = false,
            SubmitEnabled = false,
            Tps = 50,
            MaxBinds = 2,
            AllowedIps = ["127.0.0.1", "10.0.0.0/8"],
            ClosedUserGroup = ["4917", "491701234567"],
        };

        Assert.True(await Store.Provisioning.UpdateSmppAccountAsync(changed, Ct));
        var found = await Store.Provisioning.FindSmppAccountAsync(account.SystemId, Ct);
        Assert.Equal((false, false, 50, 2), (found!.BindEnabled, found.SubmitEnabled, found.Tps, found.MaxBinds));
        Assert.Equal(changed.AllowedIps, found.AllowedIps);
        Assert.Equal(changed.ClosedUserGroup, found.ClosedUserGroup);
        Assert.Equal(account.CreatedAt, found.CreatedAt);
        Assert.Equal([account.Id], (await Store.Provisioning.ListSmppAccountsAsync(customer.Id, Ct)).Select(a => a.Id));
        Assert.True(await Store.Provisioning.RemoveSmppAccountAsync(account.Id, Ct));
        Assert.Null(await Store.Provisioning.GetSmppAccountAsync(account.Id, Ct));
        Assert.False(await Store.Provisioning.RemoveSmppAccountAsync(account.Id, Ct));
    }

    [Fact]
    public async Task Sender_ids_and_inbound_numbers_belong_to_their_customer()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var number = $"49301{Random.Shared.Next(10_000_000):D7}";

        var sender = await Store.Provisioning.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = customer.Id, Value = "Pigeon" }, Ct);
        await Store.Provisioning.AddInboundNumberAsync(new InboundNumber { Number = number, CustomerId = customer.Id, SmppAccountId = account.Id }, Ct);

        Assert.Equal([sender], await Store.Provisioning.ListSenderIdsAsync(customer.Id, Ct));
        Assert.Equal([new InboundNumber { Number = number, CustomerId = customer.Id, SmppAccountId = account.Id }], await Store.Provisioning.ListInboundNumbersAsync(customer.Id, Ct));
        Assert.True(await Store.Provisioning.RemoveSenderIdAsync(sender.Id, Ct));
        Assert.True(await Store.Provisioning.RemoveInboundNumberAsync(number, Ct));
        Assert.Empty(await Store.Provisioning.ListSenderIdsAsync(customer.Id, Ct));
        Assert.Empty(await Store.Provisioning.ListInboundNumbersAsync(customer.Id, Ct));
    }

    [Fact]
    public async Task Suppliers_change_admin_state_and_take_their_routes_when_removed()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var supplier = await Store.Provisioning.CreateSupplierAsync(Sample.Supplier() with { Binds = 3, Window = 10, Tps = 100 }, Ct);
        var route = await Store.Provisioning.CreateRouteAsync(
            new Route { Id = 0, Prefix = "49", CustomerId = customer.Id, SupplierId = supplier.Id, Price = 0.0125m, Currency = "EUR", Priority = 2 }, Ct);
        var down = supplier with { AdminUp = false, SubmitSuspended = true };

        Assert.True(await Store.Provisioning.UpdateSupplierAsync(down, Ct));
        Assert.Equal(down, await Store.Provisioning.FindSupplierAsync(supplier.Name, Ct));
        Assert.Contains(route, await Store.Provisioning.ListRoutesAsync(Ct));
        var snapshot = await Store.Provisioning.LoadSnapshotAsync(Ct);
        Assert.Contains(down, snapshot.Suppliers);
        Assert.Contains(route, snapshot.Routes);
        Assert.Contains(snapshot.Customers, c => c.Id == customer.Id);
        Assert.True(await Store.Provisioning.RemoveSupplierAsync(supplier.Id, Ct));
        Assert.DoesNotContain(await Store.Provisioning.ListRoutesAsync(Ct), r => r.Id == route.Id);
        Assert.DoesNotContain(await Store.Provisioning.ListSuppliersAsync(Ct), s => s.Id == supplier.Id);
    }

    [Fact]
    public async Task Routes_are_listed_and_removed()
    {
        var supplier = await Store.Provisioning.CreateSupplierAsync(Sample.Supplier(), Ct);
        var catchAll = await Store.Provisioning.CreateRouteAsync(new Route { Id = 0, Prefix = "", SupplierId = supplier.Id, Price = 0.01m, Currency = "EUR" }, Ct);

        Assert.Contains(catchAll, await Store.Provisioning.ListRoutesAsync(Ct));
        Assert.True(await Store.Provisioning.RemoveRouteAsync(catchAll.Id, Ct));
        Assert.False(await Store.Provisioning.RemoveRouteAsync(catchAll.Id, Ct));
    }

    [Fact]
    public async Task Names_operators_use_are_unique_and_a_clash_raises_NameTakenException()
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var supplier = await Store.Provisioning.CreateSupplierAsync(Sample.Supplier(), Ct);
        var other = await Store.Provisioning.CreateSupplierAsync(Sample.Supplier(), Ct);

        var customerClash = await Assert.ThrowsAsync<NameTakenException>(async () => await Store.Provisioning.CreateCustomerAsync(Sample.Customer() with { Name = customer.Name }, Ct));
        var accountClash = await Assert.ThrowsAsync<NameTakenException>(async () => await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id) with { SystemId = account.SystemId }, Ct));
        var supplierClash = await Assert.ThrowsAsync<NameTakenException>(async () => await Store.Provisioning.CreateSupplierAsync(Sample.Supplier() with { Name = supplier.Name }, Ct));
        var renameClash = await Assert.ThrowsAsync<NameTakenException>(async () => await Store.Provisioning.UpdateSupplierAsync(other with { Name = supplier.Name }, Ct));

        Assert.Equal(("customer name", customer.Name), (customerClash.Kind, customerClash.Name));
        Assert.Equal(("system_id", account.SystemId), (accountClash.Kind, accountClash.Name));
        Assert.Equal(("supplier name", supplier.Name), (supplierClash.Kind, supplierClash.Name));
        Assert.Equal("supplier name", renameClash.Kind);
    }
}
