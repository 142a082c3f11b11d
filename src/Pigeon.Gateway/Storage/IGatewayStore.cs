namespace Pigeon.Gateway.Storage;

/// <summary>
/// The gateway's storage: one contract, implemented for SQLite (embedded default) and PostgreSQL. Writes on the
/// message path go through <see cref="Writes"/> (wrap it in a <see cref="GroupCommitWriter"/>); operator changes
/// through <see cref="Provisioning"/>; reads through <see cref="Messages"/>. Ids are 64-bit, money is exact to six
/// decimal places, times are stored in UTC to the microsecond.
/// </summary>
public interface IGatewayStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Engine { get; }

    IProvisioningStore Provisioning { get; }

    IMessageReader Messages { get; }

    /// <summary>Webhook settings, the webhook outbox and its delivery log.</summary>
    Webhooks.IWebhookStore Webhooks { get; }

    /// <summary>The batch executor for the one <see cref="GroupCommitWriter"/> of this store.</summary>
    IWriteBatchExecutor Writes { get; }

    /// <summary>
    /// Applies the versioned migrations not applied yet, recorded in the schema table; returns the names of those it
    /// applied (none when the schema is current). Call once at start, before anything else.
    /// </summary>
    ValueTask<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
