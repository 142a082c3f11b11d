using System.Buffers;
using System.Buffers.Binary;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Fuzz;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Hostile;

/// <summary>
/// Runs the fuzz target (framing, decoding and the re-encode round trip) over the checked-in seed corpus and a few
/// thousand deterministic random and mutated inputs, so the suite catches what a short fuzzing session would.
/// </summary>
public sealed class FuzzTargetSmokeTests
{
    private const int MutantCount = 3000;
    private const int RandomCount = 1000;

    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "corpus");

    public static TheoryData<string> SeedNames() => [.. Directory.EnumerateFiles(CorpusDirectory).Select(path => Path.GetFileName(path)).Order()];

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void The_fuzz_target_finds_nothing_in_a_seed(string seedName)
    {
        RunReportingInput(File.ReadAllBytes(Path.Combine(CorpusDirectory, seedName)));
    }

    [Fact]
    public void Every_valid_seed_is_a_stream_of_whole_pdus_that_decode_without_error()
    {
        var validSeeds = Directory.EnumerateFiles(CorpusDirectory, "valid-*").ToList();
        Assert.NotEmpty(validSeeds);

        foreach (var path in validSeeds)
        {
            var buffer = new ReadOnlySequence<byte>(File.ReadAllBytes(path));
            var frames = 0;
            while (SmppFrameReader.TryReadFrame(ref buffer, SmppFrameReader.DefaultMaxCommandLength, out _, out var frame) == FrameStatus.Complete)
            {
                var result = PduDecoder.Decode(frame);
                Assert.True(result.IsSuccess, $"{Path.GetFileName(path)} frame {frames}: {result.Error}");
                frames++;
            }

            Assert.True(buffer.IsEmpty, $"{Path.GetFileName(path)} has {buffer.Length} trailing octets");
            Assert.True(frames > 0, $"{Path.GetFileName(path)} holds no PDU");
        }
    }

    [Fact]
    public void The_fuzz_target_finds_nothing_in_thousands_of_mutated_seeds()
    {
        var seeds = Directory.EnumerateFiles(CorpusDirectory).Order().Select(File.ReadAllBytes).ToArray();
        var random = new Random(20_240_601);

        for (var i = 0; i < MutantCount; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Length)], seeds[random.Next(seeds.Length)], random);
            RunReportingInput(input);
        }
    }

    [Fact]
    public void The_fuzz_target_finds_nothing_in_random_inputs()
    {
        var random = new Random(7_919);

        for (var i = 0; i < RandomCount; i++)
        {
            var input = new byte[random.Next(0, 400)];
            random.NextBytes(input);
            if (input.Length >= PduHeader.Size && random.Next(2) == 0)
            {
                // Half the time give the input a plausible command_length so it gets past the frame reader.
                BinaryPrimitives.WriteUInt32BigEndian(input, (uint)random.Next(PduHeader.Size, input.Length + 1));
            }

            RunReportingInput(input);
        }
    }

    /// <summary>One to four mutations of the kinds that break parsers: flips, interesting values, cuts, splices, lying lengths.</summary>
    private static byte[] Mutate(byte[] seed, byte[] other, Random random)
    {
        var bytes = seed.ToList();
        var rounds = random.Next(1, 5);
        for (var round = 0; round < rounds; round++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = InterestingOctets[random.Next(InterestingOctets.Length)];
                    break;
                case 2:
                    bytes.RemoveRange(at, random.Next(bytes.Count - at + 1));
                    break;
                case 3:
                    bytes.InsertRange(at, Enumerable.Repeat(InterestingOctets[random.Next(InterestingOctets.Length)], random.Next(1, 32)));
                    break;
                case 4:
                    var from = random.Next(other.Length + 1);
                    bytes.InsertRange(at, other.Skip(from).Take(random.Next(other.Length - from + 1)));
                    break;
                case 5 when bytes.Count >= 4:
                    // Overwrite a 32-bit field (command_length, command_id, ...) with a boundary value.
                    var offset = random.Next(bytes.Count - 3) & ~3;
                    var value = InterestingWords[random.Next(InterestingWords.Length)];
                    for (var k = 0; k < 4; k++)
                    {
                        bytes[offset + k] = (byte)(value >> (24 - (8 * k)));
                    }

                    break;
                default:
                    if (bytes.Count >= 4)
                    {
                        // Repair command_length to the true size so the mutation reaches the body parser.
                        var length = (uint)bytes.Count;
                        for (var k = 0; k < 4; k++)
                        {
                            bytes[k] = (byte)(length >> (24 - (8 * k)));
                        }
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private static readonly byte[] InterestingOctets = [0x00, 0x01, 0x10, 0x7F, 0x80, 0xFE, 0xFF, (byte)'A'];

    private static readonly uint[] InterestingWords =
    [
        0, 4, 15, 16, 17, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
        SmppFrameReader.DefaultMaxCommandLength, SmppFrameReader.DefaultMaxCommandLength + 1,
        (uint)CommandId.SubmitSm, (uint)CommandId.DeliverSm, (uint)CommandId.BindTransceiver, (uint)CommandId.GenericNack,
    ];

    private static void RunReportingInput(byte[] input)
    {
        try
        {
            SmppDecoderFuzzTarget.Run(input);
        }
        catch (Exception e)
        {
            Assert.Fail($"Fuzz target failed on input {Convert.ToHexString(input)}: {e}");
        }
    }
}
