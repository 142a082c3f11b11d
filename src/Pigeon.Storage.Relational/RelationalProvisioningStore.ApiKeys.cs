using Pigeon.Gateway.Accounts;

namespace Pigeon.Storage.Relational;

/// <summary>This part: API keys and the clean-up of keyed requests.</summary>
internal sealed partial class RelationalProvisioningStore
{
    public async ValueTask<ApiKey> CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var created = timeProvider.GetUtcNow();
        var id = await InsertAsync(
            "INSERT INTO api_keys (customer_id, name, prefix, secret_hash, allowed_ips, created_at) VALUES (@customer, @name, @prefix, @hash, @ips, @created) RETURNING id",
            command => command
                .With("@customer", key.CustomerId)
                .With("@name", key.Name)
                .With("@prefix", key.Prefix)
                .With("@hash", key.SecretHash)
                .With("@ips", DbCommandExtensions.JoinLines(key.AllowedIps))
                .With("@created", dialect.Time(created)),
            "API key prefix",
            key.Prefix,
            cancellationToken);
        return key with { Id = id, CreatedAt = Truncate(created), RevokedAt = null, LastUsedAt = null };
    }

    public ValueTask<IReadOnlyList<ApiKey>> ListApiKeysAsync(long? customerId, CancellationToken cancellationToken) =>
        customerId is { } customer
            ? ListAsync($"SELECT {ProvisioningRows.ApiKeyColumns} FROM api_keys WHERE customer_id = @customer ORDER BY id", command => command.With("@customer", customer), ProvisioningRows.ReadApiKey, cancellationToken)
            : ListAsync($"SELECT {ProvisioningRows.ApiKeyColumns} FROM api_keys ORDER BY id", null, ProvisioningRows.ReadApiKey, cancellationToken);

    public ValueTask<ApiKey?> FindApiKeyAsync(string prefix, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ProvisioningRows.ApiKeyColumns} FROM api_keys WHERE prefix = @key", prefix, ProvisioningRows.ReadApiKey, cancellationToken);

    public ValueTask<bool> RevokeApiKeyAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL",
            command => command.With("@at", dialect.Time(at)).With("@id", id),
            cancellationToken);

    public async ValueTask RecordApiKeyUsesAsync(IReadOnlyCollection<KeyValuePair<long, DateTimeOffset>> uses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uses);
        if (uses.Count == 0)
        {
            return;
        }

        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (id, at) in uses)
        {
            // Only forward: uses gathered out of order never move the time back.
            await using var command = connection.Command(
                "UPDATE api_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at)", transaction)
                .With("@at", dialect.Time(at))
                .With("@id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask<int> ForgetRequestsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM request_keys WHERE created_at < @before").With("@before", dialect.Time(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
