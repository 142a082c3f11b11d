using System.Buffers;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Tests.Hostile;

/// <summary>
/// Encoding is on every send path, so it must not allocate: the size is computed first and the octets are
/// written straight into the caller's buffer. Measured per thread, after a warm-up so one-time JIT work is excluded.
/// </summary>
public sealed class EncodeAllocationBudgetTests
{
    private const int WarmUp = 1_000;
    private const int Measured = 10_000;

    [Fact]
    public void Encoding_a_submit_sm_into_a_reused_buffer_allocates_nothing()
    {
        Assert.Equal(0, AllocatedWhileEncoding(TypicalPdus.SubmitSm()));
    }

    [Fact]
    public void Encoding_a_delivery_receipt_with_tlvs_into_a_reused_buffer_allocates_nothing()
    {
        Assert.Equal(0, AllocatedWhileEncoding(TypicalPdus.DeliveryReceipt()));
    }

    private static long AllocatedWhileEncoding(Pdu pdu)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        EncodeRepeatedly(pdu, buffer, WarmUp);

        var before = GC.GetAllocatedBytesForCurrentThread();
        EncodeRepeatedly(pdu, buffer, Measured);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void EncodeRepeatedly(Pdu pdu, ArrayBufferWriter<byte> buffer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            buffer.ResetWrittenCount();
            PduEncoder.Encode(pdu, buffer);
        }
    }
}
