using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Pigeon.Storage.Tests.PostgresServer))]

namespace Pigeon.Storage.Tests;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by PIGEON_TEST_POSTGRES (a connection string allowed to
/// create databases; CI starts it with .ci/postgres.sh), or else a private throw-away cluster started here with
/// initdb and pg_ctl in a temporary directory (as the postgres user when running as root, since initdb refuses
/// root) and stopped at the end. Each test class gets a database of its own, so classes run in parallel.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "PIGEON_TEST_POSTGRES";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new();
    private string? _cluster;
    private string? _bin;
    private string _adminConnectionString = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            _adminConnectionString = given;
            return;
        }

        _bin = FindBinaries();
        _cluster = Directory.CreateTempSubdirectory("pigeon-pg-").FullName;
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", _cluster], asPostgres: false);
        }

        var data = Path.Combine(_cluster, "data");
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], asPostgres);
        var port = FreePort();
        await RunAsync(
            Path.Combine(_bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_cluster, "server.log"), "-w", "-t", "60", "-o", $"-p {port} -k {_cluster} -c listen_addresses=127.0.0.1", "start"],
            asPostgres);
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>A connection string to this test class's own database, created on first use.</summary>
    public Task<string> DatabaseForAsync(string testClass) =>
        _databases.GetOrAdd(testClass, name => new Lazy<Task<string>>(() => CreateDatabaseAsync(name))).Value;

    public async ValueTask DisposeAsync()
    {
        if (_cluster is null)
        {
            await DropDatabasesAsync();
            return;
        }

        var data = Path.Combine(_cluster, "data");
        await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        Directory.Delete(_cluster, recursive: true);
    }

    private async Task<string> CreateDatabaseAsync(string testClass)
    {
        // PostgreSQL identifiers stop at 63 bytes: keep the class name's start and the whole unique suffix.
        var prefix = $"pigeon_{testClass.ToLowerInvariant()}";
        var name = $"{prefix[..Math.Min(prefix.Length, 27)]}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private async Task DropDatabasesAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        foreach (var database in _databases.Values)
        {
            var name = new NpgsqlConnectionStringBuilder(await database.Value).Database;
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return installed
            ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")))
            ?? throw new InvalidOperationException($"PostgreSQL is needed: install it (initdb, pg_ctl) or set {EnvironmentVariable}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string tool, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : tool) { UseShellExecute = false, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", tool })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        using var timeout = new CancellationTokenSource(ToolTimeout);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {await errors}");
        }
    }
}
