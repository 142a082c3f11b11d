namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// A csms_id (or batch_csms_id) held by one request while it runs: <see cref="CsmsIdRegister.TryClaimAsync"/> gives
/// it, and the request either keeps it (in its message's own transaction, <see cref="CsmsIdRegister.RecordOf"/>, or for a bulk request's batch id with <see cref="CsmsIdRegister.KeepAsync"/> once its messages are stored) or
/// lets it go (<see cref="CsmsIdRegister.Release"/>, when nothing was sent) so the client may use it again.
/// </summary>
internal readonly record struct CsmsIdClaim(long CustomerId, string Key, CsmsIdRegister.Day Day);
