using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Relational;

/// <summary>This part: SMPP accounts, sender ids, inbound numbers.</summary>
internal sealed partial class RelationalProvisioningStore
{
    public async ValueTask<SmppAccount> CreateSmppAccountAsync(SmppAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var created = timeProvider.GetUtcNow();
        var id = await InsertAsync(
            "INSERT INTO smpp_accounts (customer_id, system_id, password_hash, bind_enabled, submit_enabled, max_binds, tps, allowed_ips, closed_user_group, created_at) " +
            "VALUES (@customer, @system_id, @hash, @bind, @submit, @max_binds, @tps, @ips, @cug, @created) RETURNING id",
            command => command
                .With("@customer", account.CustomerId)
                .With("@system_id", account.SystemId)
                .With("@hash", account.PasswordHash)
                .With("@bind", account.BindEnabled)
                .With("@submit", account.SubmitEnabled)
                .With("@max_binds", account.MaxBinds)
                .With("@tps", account.Tps)
                .With("@ips", DbCommandExtensions.JoinLines(account.AllowedIps))
                .With("@cug", DbCommandExtensions.JoinLines(account.ClosedUserGroup))
                .With("@created", dialect.Time(created)),
            "system_id",
            account.SystemId,
            cancellationToken);
        return account with { Id = id, CreatedAt = Truncate(created) };
    }

    public ValueTask<SmppAccount?> GetSmppAccountAsync(long id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ProvisioningRows.SmppAccountColumns} FROM smpp_accounts WHERE id = @key", id, ProvisioningRows.ReadSmppAccount, cancellationToken);

    public ValueTask<SmppAccount?> FindSmppAccountAsync(string systemId, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ProvisioningRows.SmppAccountColumns} FROM smpp_accounts WHERE system_id = @key", systemId, ProvisioningRows.ReadSmppAccount, cancellationToken);

    public ValueTask<IReadOnlyList<SmppAccount>> ListSmppAccountsAsync(long customerId, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {ProvisioningRows.SmppAccountColumns} FROM smpp_accounts WHERE customer_id = @key ORDER BY id",
            command => command.With("@key", customerId),
            ProvisioningRows.ReadSmppAccount,
            cancellationToken);

    public ValueTask<bool> UpdateSmppAccountAsync(SmppAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return UpdateAsync(
            "UPDATE smpp_accounts SET password_hash = @hash, bind_enabled = @bind, submit_enabled = @submit, max_binds = @max_binds, " +
            "tps = @tps, allowed_ips = @ips, closed_user_group = @cug WHERE id = @id",
            command => command
                .With("@hash", account.PasswordHash)
                .With("@bind", account.BindEnabled)
                .With("@submit", account.SubmitEnabled)
                .With("@max_binds", account.MaxBinds)
                .With("@tps", account.Tps)
                .With("@ips", DbCommandExtensions.JoinLines(account.AllowedIps))
                .With("@cug", DbCommandExtensions.JoinLines(account.ClosedUserGroup))
                .With("@id", account.Id),
            cancellationToken);
    }

    public ValueTask<bool> RemoveSmppAccountAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync("DELETE FROM smpp_accounts WHERE id = @id", command => command.With("@id", id), cancellationToken);

    public async ValueTask<SenderId> AddSenderIdAsync(SenderId senderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(senderId);
        var id = await InsertAsync(
            "INSERT INTO sender_ids (customer_id, value, active) VALUES (@customer, @value, @active) RETURNING id",
            command => command.With("@customer", senderId.CustomerId).With("@value", senderId.Value).With("@active", senderId.Active),
            "sender id",
            senderId.Value,
            cancellationToken);
        return senderId with { Id = id };
    }

    public ValueTask<IReadOnlyList<SenderId>> ListSenderIdsAsync(long customerId, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {ProvisioningRows.SenderIdColumns} FROM sender_ids WHERE customer_id = @key ORDER BY id",
            command => command.With("@key", customerId),
            ProvisioningRows.ReadSenderId,
            cancellationToken);

    public ValueTask<bool> RemoveSenderIdAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync("DELETE FROM sender_ids WHERE id = @id", command => command.With("@id", id), cancellationToken);

    public async ValueTask<InboundNumber> AddInboundNumberAsync(InboundNumber number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        await InsertAsync(
            "INSERT INTO inbound_numbers (number, customer_id, smpp_account_id) VALUES (@number, @customer, @account) RETURNING customer_id",
            command => command.With("@number", number.Number).With("@customer", number.CustomerId).With("@account", number.SmppAccountId),
            "inbound number",
            number.Number,
            cancellationToken);
        return number;
    }

    public ValueTask<IReadOnlyList<InboundNumber>> ListInboundNumbersAsync(long customerId, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {ProvisioningRows.InboundNumberColumns} FROM inbound_numbers WHERE customer_id = @key ORDER BY number",
            command => command.With("@key", customerId),
            ProvisioningRows.ReadInboundNumber,
            cancellationToken);

    public ValueTask<bool> RemoveInboundNumberAsync(string number, CancellationToken cancellationToken) =>
        UpdateAsync("DELETE FROM inbound_numbers WHERE number = @number", command => command.With("@number", number), cancellationToken);
}
