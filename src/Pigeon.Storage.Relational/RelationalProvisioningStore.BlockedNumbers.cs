using Pigeon.Gateway.Accounts;

namespace Pigeon.Storage.Relational;

/// <summary>This part: the block list of destinations.</summary>
internal sealed partial class RelationalProvisioningStore
{
    // customer_id is NULL for an operator-wide block; COALESCE puts those first and makes (number, scope) unique.
    private const string BlockedNumbersSql =
        $"SELECT {ProvisioningRows.BlockedNumberColumns} FROM blocked_numbers ORDER BY number, COALESCE(customer_id, 0)";

    public async ValueTask<bool> BlockNumberAsync(BlockedNumber blocked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocked);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int rows;
        await using (var command = connection.Command(
            "INSERT INTO blocked_numbers (number, customer_id, created_at) VALUES (@number, @customer, @created) ON CONFLICT DO NOTHING", transaction)
            .With("@number", blocked.Number)
            .With("@customer", blocked.CustomerId)
            .With("@created", dialect.Time(timeProvider.GetUtcNow())))
        {
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

    public ValueTask<bool> UnblockNumberAsync(string number, long? customerId, CancellationToken cancellationToken) =>
        UpdateAsync(
            "DELETE FROM blocked_numbers WHERE number = @number AND COALESCE(customer_id, 0) = @scope",
            command => command.With("@number", number).With("@scope", customerId ?? 0L),
            cancellationToken);

    public ValueTask<IReadOnlyList<BlockedNumber>> ListBlockedNumbersAsync(long? customerId, CancellationToken cancellationToken) =>
        customerId is { } customer
            ? ListAsync(
                $"SELECT {ProvisioningRows.BlockedNumberColumns} FROM blocked_numbers WHERE customer_id IS NULL OR customer_id = @customer ORDER BY number, COALESCE(customer_id, 0)",
                command => command.With("@customer", customer),
                ProvisioningRows.ReadBlockedNumber,
                cancellationToken)
            : ListAsync(BlockedNumbersSql, null, ProvisioningRows.ReadBlockedNumber, cancellationToken);
}
