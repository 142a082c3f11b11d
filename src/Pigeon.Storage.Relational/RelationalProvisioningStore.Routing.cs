using Pigeon.Gateway.Routing;

namespace Pigeon.Storage.Relational;

/// <summary>This part: suppliers and routes.</summary>
internal sealed partial class RelationalProvisioningStore
{
    public async ValueTask<Supplier> CreateSupplierAsync(Supplier supplier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        var id = await InsertAsync(
            "INSERT INTO suppliers (name, host, port, system_id, password, system_type, binds, window_size, tps, use_tls, admin_up, submit_suspended) " +
            "VALUES (@name, @host, @port, @system_id, @password, @system_type, @binds, @window, @tps, @tls, @up, @suspended) RETURNING id",
            command => BindSupplier(command, supplier),
            "supplier name",
            supplier.Name,
            cancellationToken);
        return supplier with { Id = id };
    }

    public ValueTask<Supplier?> FindSupplierAsync(string name, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ProvisioningRows.SupplierColumns} FROM suppliers WHERE name = @key", name, ProvisioningRows.ReadSupplier, cancellationToken);

    public ValueTask<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {ProvisioningRows.SupplierColumns} FROM suppliers ORDER BY id", null, ProvisioningRows.ReadSupplier, cancellationToken);

    public async ValueTask<bool> UpdateSupplierAsync(Supplier supplier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        try
        {
            return await UpdateAsync(
                "UPDATE suppliers SET name = @name, host = @host, port = @port, system_id = @system_id, password = @password, " +
                "system_type = @system_type, binds = @binds, window_size = @window, tps = @tps, use_tls = @tls, admin_up = @up, " +
                "submit_suspended = @suspended WHERE id = @id",
                command => BindSupplier(command, supplier).With("@id", supplier.Id),
                cancellationToken);
        }
        catch (System.Data.Common.DbException error) when (dialect.IsUniqueViolation(error))
        {
            throw new Gateway.Storage.NameTakenException("supplier name", supplier.Name, error);
        }
    }

    public ValueTask<bool> RemoveSupplierAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync("DELETE FROM suppliers WHERE id = @id", command => command.With("@id", id), cancellationToken);

    public async ValueTask<Route> CreateRouteAsync(Route route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ExactMoney.Check(route.Price);
        var id = await InsertAsync(
            "INSERT INTO routes (prefix, customer_id, supplier_id, price, currency, priority, enabled) " +
            "VALUES (@prefix, @customer, @supplier, @price, @currency, @priority, @enabled) RETURNING id",
            command => command
                .With("@prefix", route.Prefix)
                .With("@customer", route.CustomerId)
                .With("@supplier", route.SupplierId)
                .With("@price", dialect.Money(route.Price))
                .With("@currency", route.Currency)
                .With("@priority", route.Priority)
                .With("@enabled", route.Enabled),
            "route",
            route.Prefix,
            cancellationToken);
        return route with { Id = id };
    }

    public ValueTask<IReadOnlyList<Route>> ListRoutesAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {ProvisioningRows.RouteColumns} FROM routes ORDER BY id", null, ProvisioningRows.ReadRoute, cancellationToken);

    public ValueTask<bool> RemoveRouteAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync("DELETE FROM routes WHERE id = @id", command => command.With("@id", id), cancellationToken);

    private static System.Data.Common.DbCommand BindSupplier(System.Data.Common.DbCommand command, Supplier supplier) => command
        .With("@name", supplier.Name)
        .With("@host", supplier.Host)
        .With("@port", supplier.Port)
        .With("@system_id", supplier.SystemId)
        .With("@password", supplier.Password)
        .With("@system_type", supplier.SystemType)
        .With("@binds", supplier.Binds)
        .With("@window", supplier.Window)
        .With("@tps", supplier.Tps)
        .With("@tls", supplier.UseTls)
        .With("@up", supplier.AdminUp)
        .With("@suspended", supplier.SubmitSuspended);
}
