using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Pigeon.Smpp.Benchmarks -- --filter '*'
// For a quick smoke run (CI, a shared machine): add --job short; --list flat shows what is there.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
