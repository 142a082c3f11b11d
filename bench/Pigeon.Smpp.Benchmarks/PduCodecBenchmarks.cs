using System.Buffers;
using BenchmarkDotNet.Attributes;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Benchmarks;

/// <summary>
/// Encode and decode of the two PDUs a gateway handles most. Encoding writes into one reused buffer, as a
/// session writes into its pipe, so any allocation shown is the codec's own.
/// </summary>
[MemoryDiagnoser]
public class PduCodecBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private SubmitSm _submitSm = null!;
    private DeliverSm _receipt = null!;
    private byte[] _submitSmBytes = null!;
    private byte[] _receiptBytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _submitSm = SamplePdus.SubmitSm();
        _receipt = SamplePdus.DeliveryReceipt();
        _submitSmBytes = PduEncoder.ToArray(_submitSm);
        _receiptBytes = PduEncoder.ToArray(_receipt);
    }

    [Benchmark]
    public int EncodeSubmitSm()
    {
        _output.ResetWrittenCount();
        return PduEncoder.Encode(_submitSm, _output);
    }

    [Benchmark]
    public Pdu? DecodeSubmitSm() => PduDecoder.Decode(_submitSmBytes).Pdu;

    [Benchmark]
    public int EncodeDeliverSmReceipt()
    {
        _output.ResetWrittenCount();
        return PduEncoder.Encode(_receipt, _output);
    }

    [Benchmark]
    public Pdu? DecodeDeliverSmReceipt() => PduDecoder.Decode(_receiptBytes).Pdu;
}
