namespace Pigeon.Gateway.Dispatch;

/// <summary>A snapshot of one supplier's dispatch, for statistics and the management API.</summary>
public sealed record SupplierDispatchState
{
    public required long SupplierId { get; init; }

    public required string Name { get; init; }

    /// <summary>Administratively up (binds held open).</summary>
    public required bool AdminUp { get; init; }

    /// <summary>Submits held back while binds stay open.</summary>
    public required bool SubmitSuspended { get; init; }

    /// <summary>Transceiver binds configured.</summary>
    public required int Binds { get; init; }

    /// <summary>Binds bound right now.</summary>
    public required int BoundBinds { get; init; }

    /// <summary>Parts waiting in memory; with <see cref="BacklogInStore"/> more wait in the store.</summary>
    public required int Queued { get; init; }

    /// <summary>True while parts for this supplier wait in the store beyond the in-memory window.</summary>
    public required bool BacklogInStore { get; init; }

    /// <summary>Parts taken from the queue and not yet settled (being submitted, waiting to be retried, or being stored).</summary>
    public required int InFlight { get; init; }

    /// <summary>Parts the supplier accepted (submit_sm_resp OK) since local midnight.</summary>
    public required long SubmittedToday { get; init; }

    /// <summary>submit_sm sent since start, retries included.</summary>
    public required long SubmitsSent { get; init; }

    /// <summary>Parts the supplier accepted since start.</summary>
    public required long Accepted { get; init; }

    /// <summary>Parts rejected (final status, or no supplier left) since start.</summary>
    public required long Rejected { get; init; }

    /// <summary>Parts handed to the next supplier of their route since start.</summary>
    public required long FailedOver { get; init; }

    /// <summary>Throttling answers (ESME_RTHROTTLED, ESME_RMSGQFUL) since start.</summary>
    public required long Throttled { get; init; }

    /// <summary>Temporary failures (time-outs, lost links, system errors) since start.</summary>
    public required long TemporaryFailures { get; init; }

    /// <summary>Delivery receipts stored since start.</summary>
    public required long Receipts { get; init; }

    /// <summary>Mobile-originated messages stored since start.</summary>
    public required long MobileOriginated { get; init; }

    /// <summary>When the supplier became unavailable (admin-down or no bind bound); null while available.</summary>
    public DateTimeOffset? UnavailableSince { get; init; }
}
