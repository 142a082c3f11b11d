namespace Pigeon.Server.SmppFront;

/// <summary>
/// Per owner (an SMPP account, a customer), the highest id at or below which nothing of it is pending: the next
/// look for pending rows starts after it instead of at the beginning. On PostgreSQL a partial "pending" index keeps
/// the entries of rows delivered since the last vacuum, so a scan from the start steps over every row delivered
/// lately (thousands of pages under load); from the floor it reads only what is new. Rows get ids in the order
/// they are committed (one group-commit writer), so nothing pending appears below a floor; <see cref="Reset"/>,
/// called now and then, makes the next look start from the beginning anyway. Used by one loop only: not
/// thread-safe.
/// </summary>
internal sealed class PendingFloor
{
    private readonly Dictionary<long, long> _floors = [];

    public long Get(long owner) => _floors.GetValueOrDefault(owner);

    public void Set(long owner, long id) => _floors[owner] = id;

    public void Reset() => _floors.Clear();
}
