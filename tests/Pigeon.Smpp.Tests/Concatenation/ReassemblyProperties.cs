using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tests.Text;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Concatenation;

public sealed class ReassemblyProperties
{
    private static readonly ConcatenationMode[] Modes =
        [ConcatenationMode.UdhReference8, ConcatenationMode.UdhReference16, ConcatenationMode.Sar, ConcatenationMode.MessagePayload];

    private static Arbitrary<(string Text, int Seed)> WithSeed(Arbitrary<string> texts) =>
        Arb.From(texts.Generator.Zip(Gen.Choose(0, int.MaxValue)));

    // Splits, turns the parts into deliver_sm, shuffles them with some parts sent twice, and feeds them all.
    // (A message in one piece carries nothing to tell a repeat by, so only concatenated parts are repeated.)
    private static bool ReassemblesShuffled(string text, int seed, Gsm7Packing packing)
    {
        var random = new Random(seed);
        foreach (var mode in Modes)
        {
            var split = MessageSplitter.Split(text, mode, (ushort)random.Next(256), packing: packing);
            var pdus = new List<DeliverSm>();
            for (var i = 0; i < split.Parts.Count; i++)
            {
                var pdu = new DeliverSm { Source = SmppAddress.International("447700900123"), Destination = SmppAddress.Alphanumeric("Pigeon") };
                split.ApplyTo(pdu, i);
                pdus.Add(pdu);
                if (split.IsConcatenated && random.Next(4) == 0)
                {
                    pdus.Add(pdu);
                }
            }

            var shuffled = pdus.OrderBy(_ => random.Next()).ToList();
            using var reassembler = new MessageReassembler(new FakeTimeProvider(), new ReassemblyOptions { Gsm7Packing = packing });
            var complete = shuffled.Select(p => reassembler.Add(p)).Where(r => r.Status == ReassemblyStatus.Complete).ToList();
            if (complete.Count != 1 || complete[0].Message!.Text != text || reassembler.PendingCount != 0)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 60)]
    public Property Gsm_reassembly_of_a_shuffled_split_gives_the_original() =>
        Prop.ForAll(WithSeed(SmsGenerators.Gsm), x => ReassemblesShuffled(x.Text, x.Seed, Gsm7Packing.Unpacked));

    [Property(MaxTest = 60)]
    public Property Packed_gsm_reassembly_of_a_shuffled_split_gives_the_original() =>
        Prop.ForAll(WithSeed(SmsGenerators.Gsm), x => ReassemblesShuffled(x.Text.TrimEnd('\r'), x.Seed, Gsm7Packing.Packed));

    [Property(MaxTest = 60)]
    public Property Unicode_reassembly_of_a_shuffled_split_gives_the_original() =>
        Prop.ForAll(WithSeed(SmsGenerators.Unicode), x => ReassemblesShuffled(x.Text, x.Seed, Gsm7Packing.Unpacked));
}
