namespace Pigeon.Gateway.Storage;

/// <summary>
/// Keeps a keyed request's answer (<see cref="RequestRecord"/>). Queue it after the request's messages, so it
/// commits in their transaction or a later one, never before them. A key already kept is left as it is; the
/// result's <see cref="WriteResult.Changed"/> says whether this one was kept.
/// </summary>
public sealed record RememberRequest(RequestRecord Request) : WriteCommand;
