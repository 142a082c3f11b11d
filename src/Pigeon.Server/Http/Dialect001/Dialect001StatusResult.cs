namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// What a status request found: for each of the caller's own messages asked for, in request order, our id, the
/// status word and the integration_id it was sent with; the ids that are not the caller's messages (never ours, or
/// another customer's: the two are not told apart) under <see cref="Unknown"/>; or an <see cref="Error"/>.
/// </summary>
internal sealed record Dialect001StatusResult(
    IReadOnlyList<Dialect001MessageState> Found,
    IReadOnlyList<string> Unknown,
    Dialect001Error? Error)
{
    public static Dialect001StatusResult Failed(Dialect001Error error) => new([], [], error);
}
