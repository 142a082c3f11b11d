namespace Pigeon.Smpp.Fuzz;

/// <summary>How the fuzz target cuts its input into the reads a socket might deliver.</summary>
internal enum StreamSplit
{
    /// <summary>Everything arrives in one read.</summary>
    Whole,

    /// <summary>One octet per read: every header and body boundary is met mid-field.</summary>
    SingleBytes,

    /// <summary>Reads of 0 to 23 octets, chosen by a generator seeded from the input itself.</summary>
    Scattered,
}
