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

    /// <summary>The batch executor for the store's main <see cref="GroupCommitWriter"/>: every write but accepts, in order.</summary>
    IWriteBatchExecutor Writes { get; }

    /// <summary>
    /// A second batch executor, on a connection of its own, for a writer that commits only <see cref="AcceptMessage"/>
    /// while the main writer commits the rest; null when the engine commits one transaction at a time (SQLite), and
    /// accepts then go through <see cref="Writes"/>. An accept shares no row with the main writer's commands but its
    /// customer's balance, and the part it stores is dispatched only once it committed, so nothing orders the two.
    /// </summary>
    IWriteBatchExecutor? AcceptWrites { get; }

    /// <summary>
    /// Applies the versioned migrations not applied yet, recorded in the schema table; returns the names of those it
    /// applied (none when the schema is current). Call once at start, before anything else.
    /// </summary>
    ValueTask<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
