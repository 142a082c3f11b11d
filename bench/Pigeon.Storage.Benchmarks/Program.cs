using System.Globalization;
using Pigeon.Gateway.Storage;
using Pigeon.Storage.Benchmarks;
using Pigeon.Storage.Postgres;
using Pigeon.Storage.Sqlite;

// Accepted messages per second through the GroupCommitWriter with concurrent producers, durable commits.
//   dotnet run -c Release --project bench/Pigeon.Storage.Benchmarks -- [seconds] [producers] [sqlite|postgres|all]
// PostgreSQL is measured when PIGEON_TEST_POSTGRES names a server (eval "$(bash .ci/postgres.sh)" starts one).
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var producers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
var engines = args.Length > 2 ? args[2] : "all";
var duration = TimeSpan.FromSeconds(seconds);

if (engines is "all" or "sqlite")
{
    var directory = Directory.CreateTempSubdirectory("pigeon-bench-");
    try
    {
        await using var store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(directory.FullName, "bench.db") }, TimeProvider.System);
        Report(await AcceptLoad.RunAsync(store, producers, duration));
    }
    finally
    {
        directory.Delete(recursive: true);
    }
}

if (engines is "all" or "postgres")
{
    var connectionString = Environment.GetEnvironmentVariable("PIGEON_TEST_POSTGRES");
    if (string.IsNullOrWhiteSpace(connectionString))
    {
        Console.WriteLine("postgres: skipped (set PIGEON_TEST_POSTGRES, e.g. eval \"$(bash .ci/postgres.sh)\")");
    }
    else
    {
        await using var store = new PostgresGatewayStore(new PostgresStoreOptions { ConnectionString = connectionString }, TimeProvider.System);
        Report(await AcceptLoad.RunAsync(store, producers, duration));
    }
}

static void Report(AcceptLoadResult r) => Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{r.Engine,-8}  {r.Producers} producers  {r.Messages,9:N0} messages in {r.Elapsed.TotalSeconds:F1} s  {r.PerSecond,9:N0} msg/s  " +
    $"{r.Batches:N0} commits, {r.Messages / (double)Math.Max(1, r.Batches):F1} messages a commit  p50 {r.P50.TotalMilliseconds:F1} ms  p99 {r.P99.TotalMilliseconds:F1} ms"));
