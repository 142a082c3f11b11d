using System.Buffers;

namespace Pigeon.Smpp.Fuzz;

/// <summary>
/// One link of a multi-segment <see cref="ReadOnlySequence{T}"/>, the shape a pipe hands the frame reader when a
/// PDU arrived in several TCP reads.
/// </summary>
internal sealed class MemorySegment : ReadOnlySequenceSegment<byte>
{
    public MemorySegment(ReadOnlyMemory<byte> memory) => Memory = memory;

    /// <summary>Links a new segment after this one and returns it.</summary>
    public MemorySegment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new MemorySegment(memory) { RunningIndex = RunningIndex + Memory.Length };
        Next = next;
        return next;
    }

    /// <summary>
    /// Cuts <paramref name="data"/> into consecutive segments of the given lengths (zero-length segments
    /// included); the last segment takes whatever the lengths leave over. Never returns an empty list.
    /// </summary>
    public static IReadOnlyList<MemorySegment> Chain(ReadOnlyMemory<byte> data, IEnumerable<int> lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        var segments = new List<MemorySegment>();
        var offset = 0;
        MemorySegment? last = null;
        foreach (var requested in lengths)
        {
            if (offset >= data.Length)
            {
                break;
            }

            var length = Math.Clamp(requested, 0, data.Length - offset);
            var slice = data.Slice(offset, length);
            last = last is null ? new MemorySegment(slice) : last.Append(slice);
            segments.Add(last);
            offset += length;
        }

        if (offset < data.Length || last is null)
        {
            var rest = data[offset..];
            segments.Add(last is null ? new MemorySegment(rest) : last.Append(rest));
        }

        return segments;
    }

    /// <summary>The whole chain as one sequence.</summary>
    public static ReadOnlySequence<byte> ToSequence(IReadOnlyList<MemorySegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var last = segments[^1];
        return new ReadOnlySequence<byte>(segments[0], 0, last, last.Memory.Length);
    }
}
