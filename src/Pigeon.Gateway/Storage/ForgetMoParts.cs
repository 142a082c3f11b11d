namespace Pigeon.Gateway.Storage;

/// <summary>
/// Deletes parts consumed before <paramref name="ConsumedBefore"/>: kept until then only to recognise repeats.
/// <see cref="WriteResult.Count"/> is the rows deleted.
/// </summary>
public sealed record ForgetMoParts(DateTimeOffset ConsumedBefore) : WriteCommand;
