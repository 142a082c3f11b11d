using System.Data.Common;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Relational;

/// <summary>
/// <see cref="IProvisioningStore"/> in SQL both engines accept. Each call opens a pooled connection and, when it
/// writes more than one row, its own transaction. This part: customers, the ledger, the snapshot.
/// </summary>
internal sealed partial class RelationalProvisioningStore(ISqlDialect dialect, TimeProvider timeProvider) : IProvisioningStore
{
    private const string VersionSql = "SELECT version FROM provisioning_state WHERE id = 1";

    // The same condition as the partial index ix_ledger_entries_balance_moves, so the engine can use it.
    private const string LastBalanceMoveSql = "SELECT COALESCE(MAX(id), 0) FROM ledger_entries WHERE kind IN (1, 4)";

    public async ValueTask<ProvisioningSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        // One transaction, so the lists agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var snapshot = new ProvisioningSnapshot(
            await ListAsync(connection, transaction, $"SELECT {ProvisioningRows.CustomerColumns} FROM customers ORDER BY id", null, ProvisioningRows.ReadCustomer, cancellationToken),
            await ListAsync(connection, transaction, $"SELECT {ProvisioningRows.SmppAccountColumns} FROM smpp_accounts ORDER BY id", null, ProvisioningRows.ReadSmppAccount, cancellationToken),
            await ListAsync(connection, transaction, $"SELECT {ProvisioningRows.SenderIdColumns} FROM sender_ids ORDER BY id", null, ProvisioningRows.ReadSenderId, cancellationToken),
            await ListAsync(connection, transaction, $"SELECT {ProvisioningRows.InboundNumberColumns} FROM inbound_numbers ORDER BY number", null, ProvisioningRows.ReadInboundNumber, cancellationToken),
            await ListAsync(connection, transaction, $"SELECT {ProvisioningRows.SupplierColumns} FROM suppliers ORDER BY id", null, ProvisioningRows.ReadSupplier, cancellationToken),
            await ListAsync(connection, transaction, $"SELECT {ProvisioningRows.RouteColumns} FROM routes ORDER BY id", null, ProvisioningRows.ReadRoute, cancellationToken))
        {
            Version = await ScalarAsync(connection, transaction, VersionSql, cancellationToken),
            LastBalanceMoveId = await ScalarAsync(connection, transaction, LastBalanceMoveSql, cancellationToken),
            ApiKeys = await ListAsync(connection, transaction, $"SELECT {ProvisioningRows.ApiKeyColumns} FROM api_keys ORDER BY id", null, ProvisioningRows.ReadApiKey, cancellationToken),
            BlockedNumbers = await ListAsync(connection, transaction, BlockedNumbersSql, null, ProvisioningRows.ReadBlockedNumber, cancellationToken),
        };
        await transaction.CommitAsync(cancellationToken);
        return snapshot;
    }

    public async ValueTask<long> GetProvisioningVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await ScalarAsync(connection, null, VersionSql, cancellationToken);
    }

    public ValueTask<IReadOnlyList<LedgerEntry>> ListBalanceMovesAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ListAsync(
            $"SELECT {ProvisioningRows.LedgerColumns} FROM ledger_entries WHERE id > @after AND kind IN ({(int)LedgerEntryKind.Credit}, {(int)LedgerEntryKind.Adjustment}) ORDER BY id LIMIT @limit",
            command => command.With("@after", afterId).With("@limit", limit),
            ProvisioningRows.ReadLedgerEntry,
            cancellationToken);
    }

    public async ValueTask<Customer> CreateCustomerAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var created = timeProvider.GetUtcNow();
        var id = await InsertAsync(
            "INSERT INTO customers (name, country, currency, status, balance, created_at) " +
            "VALUES (@name, @country, @currency, @status, @balance, @created) RETURNING id",
            command => command
                .With("@name", customer.Name)
                .With("@country", customer.Country)
                .With("@currency", customer.Currency)
                .With("@status", (int)customer.Status)
                .With("@balance", dialect.Money(0m))
                .With("@created", dialect.Time(created)),
            "customer name",
            customer.Name,
            cancellationToken);
        return customer with { Id = id, Balance = 0m, CreatedAt = Truncate(created) };
    }

    public ValueTask<Customer?> GetCustomerAsync(long id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ProvisioningRows.CustomerColumns} FROM customers WHERE id = @key", id, ProvisioningRows.ReadCustomer, cancellationToken);

    public ValueTask<Customer?> FindCustomerAsync(string name, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ProvisioningRows.CustomerColumns} FROM customers WHERE name = @key", name, ProvisioningRows.ReadCustomer, cancellationToken);

    public ValueTask<IReadOnlyList<Customer>> ListCustomersAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {ProvisioningRows.CustomerColumns} FROM customers ORDER BY id", null, ProvisioningRows.ReadCustomer, cancellationToken);

    public ValueTask<bool> SetCustomerStatusAsync(long id, CustomerStatus status, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE customers SET status = @status WHERE id = @id", command => command.With("@status", (int)status).With("@id", id), cancellationToken);

    public ValueTask<decimal> CreditAsync(long customerId, decimal amount, string reason, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return PostAsync(customerId, LedgerEntryKind.Credit, amount, reason, cancellationToken);
    }

    public ValueTask<decimal> AdjustBalanceAsync(long customerId, decimal amount, string reason, CancellationToken cancellationToken)
    {
        if (amount == 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "An adjustment moves the balance.");
        }

        return PostAsync(customerId, LedgerEntryKind.Adjustment, amount, reason, cancellationToken);
    }

    public ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(long customerId, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ListAsync(
            $"SELECT {ProvisioningRows.LedgerColumns} FROM ledger_entries WHERE customer_id = @key AND id < @before ORDER BY id DESC LIMIT @limit",
            command => command.With("@key", customerId).With("@before", beforeId ?? long.MaxValue).With("@limit", limit),
            ProvisioningRows.ReadLedgerEntry,
            cancellationToken);
    }

    public async ValueTask<decimal> SumLedgerAsync(long customerId, CancellationToken cancellationToken)
    {
        // Summed here in decimal rather than in SQL, so the audit does not rely on the engine's arithmetic.
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT amount FROM ledger_entries WHERE customer_id = @key").With("@key", customerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sum = 0m;
        while (await reader.ReadAsync(cancellationToken))
        {
            sum += dialect.ReadMoney(reader, 0);
        }

        return sum;
    }

    private async ValueTask<decimal> PostAsync(long customerId, LedgerEntryKind kind, decimal amount, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ExactMoney.Check(amount);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        decimal balance;
        await using (var command = connection.Command("UPDATE customers SET balance = balance + @amount WHERE id = @id RETURNING balance", transaction)
            .With("@amount", dialect.Money(amount))
            .With("@id", customerId))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"No customer {customerId}.");
            }

            balance = dialect.ReadMoney(reader, 0);
        }

        await using (var command = connection.Command(
            "INSERT INTO ledger_entries (customer_id, kind, amount, reason, message_id, created_at) VALUES (@customer, @kind, @amount, @reason, NULL, @created)",
            transaction)
            .With("@customer", customerId)
            .With("@kind", (int)kind)
            .With("@amount", dialect.Money(amount))
            .With("@reason", reason)
            .With("@created", dialect.Time(timeProvider.GetUtcNow())))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return balance;
    }

    /// <summary>What a time reads back as: stores keep microseconds.</summary>
    private static DateTimeOffset Truncate(DateTimeOffset time) => UtcMicroseconds.To(UtcMicroseconds.From(time));

    private async ValueTask<long> InsertAsync(string sql, Action<DbCommand> bind, string kind, string name, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        await using (var command = connection.Command(sql, transaction))
        {
            bind(command);
            try
            {
                id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (DbException error) when (dialect.IsUniqueViolation(error))
            {
                throw new NameTakenException(kind, name, error);
            }
        }

        await BumpVersionAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private async ValueTask<bool> UpdateAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int rows;
        await using (var command = connection.Command(sql, transaction))
        {
            bind(command);
            rows = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (rows == 0)
        {
            return false;
        }

        await BumpVersionAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Every provisioning write bumps the marker in its own transaction, so a poller never sees it early.</summary>
    private static async ValueTask BumpVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("UPDATE provisioning_state SET version = version + 1 WHERE id = 1", transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async ValueTask<T?> SingleAsync<T>(string sql, object key, Func<DbDataReader, ISqlDialect, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql).With("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader, dialect) : null;
    }

    private static async ValueTask<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async ValueTask<IReadOnlyList<T>> ListAsync<T>(string sql, Action<DbCommand>? bind, Func<DbDataReader, ISqlDialect, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await ListAsync(connection, null, sql, bind, read, cancellationToken);
    }

    private async ValueTask<IReadOnlyList<T>> ListAsync<T>(
        DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand>? bind, Func<DbDataReader, ISqlDialect, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction);
        bind?.Invoke(command);
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader, dialect));
        }

        return items;
    }
}
