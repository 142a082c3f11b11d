using Pigeon.Smpp.Fuzz;
using SharpFuzz;

// libfuzzer-dotnet starts the target with no arguments; afl-fuzz is told to pass --afl; --replay runs saved inputs
// (crash files or the corpus) without any fuzzer, to reproduce a finding under a debugger.
if (args.Length > 0 && args[0] == "--afl")
{
    Fuzzer.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        SmppDecoderFuzzTarget.Run(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    });
}
else if (args.Length > 0 && args[0] == "--replay")
{
    var files = args.Skip(1).SelectMany(path => Directory.Exists(path) ? Directory.EnumerateFiles(path) : [path]);
    var count = 0;
    foreach (var file in files)
    {
        Console.WriteLine(file);
        SmppDecoderFuzzTarget.Run(File.ReadAllBytes(file));
        count++;
    }

    Console.WriteLine($"{count} inputs replayed, no finding.");
}
else
{
    Fuzzer.LibFuzzer.Run(SmppDecoderFuzzTarget.Run);
}
