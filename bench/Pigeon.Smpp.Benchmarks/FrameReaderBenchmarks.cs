using System.Buffers;
using BenchmarkDotNet.Attributes;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Benchmarks;

/// <summary>
/// Slicing 1000 back-to-back PDUs (submit_sm, delivery receipts and enquire_links, as a busy bind sees them) off
/// one buffer: contiguous, and cut into 4 KiB segments as a pipe hands them over. Reported per PDU.
/// </summary>
[MemoryDiagnoser]
public class FrameReaderBenchmarks
{
    private const int PduCount = 1000;

    private ReadOnlySequence<byte> _stream;

    /// <summary>0 for one contiguous buffer; otherwise the segment size.</summary>
    [Params(0, 4096)]
    public int SegmentSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Pdu[] mix = [SamplePdus.SubmitSm(), SamplePdus.DeliveryReceipt(), new EnquireLink { SequenceNumber = 9 }];
        var bytes = new ArrayBufferWriter<byte>();
        for (var i = 0; i < PduCount; i++)
        {
            PduEncoder.Encode(mix[i % mix.Length], bytes);
        }

        _stream = SegmentSize == 0 ? new ReadOnlySequence<byte>(bytes.WrittenMemory) : Segmented(bytes.WrittenMemory, SegmentSize);
    }

    [Benchmark(OperationsPerInvoke = PduCount)]
    public int ReadFrames()
    {
        var buffer = _stream;
        var frames = 0;
        while (SmppFrameReader.TryReadFrame(ref buffer, SmppFrameReader.DefaultMaxCommandLength, out _, out _) == FrameStatus.Complete)
        {
            frames++;
        }

        return frames;
    }

    [Benchmark(OperationsPerInvoke = PduCount)]
    public int ReadAndDecodeFrames()
    {
        var buffer = _stream;
        var decoded = 0;
        while (SmppFrameReader.TryReadFrame(ref buffer, SmppFrameReader.DefaultMaxCommandLength, out _, out var frame) == FrameStatus.Complete)
        {
            if (PduDecoder.Decode(frame).IsSuccess)
            {
                decoded++;
            }
        }

        return decoded;
    }

    private static ReadOnlySequence<byte> Segmented(ReadOnlyMemory<byte> data, int size)
    {
        var first = new ChunkSegment(data[..Math.Min(size, data.Length)], 0);
        var last = first;
        for (var offset = size; offset < data.Length; offset += size)
        {
            last = last.Append(data.Slice(offset, Math.Min(size, data.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class ChunkSegment : ReadOnlySequenceSegment<byte>
    {
        public ChunkSegment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public ChunkSegment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new ChunkSegment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
