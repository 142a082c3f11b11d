using System.CommandLine;
using System.Globalization;
using Pigeon.Server;

namespace Pigeon.Serve;

/// <summary>
/// `pigeon serve`: run the gateway until Ctrl-C or SIGTERM. The flags override the "Pigeon" configuration section
/// (appsettings.json, PIGEON__… environment variables); bad settings exit 1 with every problem named.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Data directory: the SQLite database and the first-start credentials (default ./data)." };
        var smppPort = new Option<int?>("--smpp-port") { Description = "SMPP port customers bind to (default 2775; 0 picks a free one)." };
        var httpPort = new Option<int?>("--http-port") { Description = "HTTP port of /health and /metrics (default 8080)." };
        var db = new Option<string?>("--db") { Description = "Database: sqlite:PATH, postgres://user:password@host:port/database, or an Npgsql connection string (default SQLite in the data directory)." };
        var noSimulator = new Option<bool>("--no-simulator") { Description = "Do not start the built-in SMSC simulator (supplier 'sim')." };
        var simulatorPort = new Option<int?>("--simulator-port") { Description = "Loopback port of the built-in simulator (default 2776)." };

        var command = new Command("serve", "Run the gateway: SMPP server, dispatch to suppliers, receipts back, /health and /metrics.")
        {
            data, smppPort, httpPort, db, noSimulator, simulatorPort,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Set(overrides, "DataDirectory", parse.GetValue(data));
            Set(overrides, "Smpp:Port", parse.GetValue(smppPort));
            Set(overrides, "Http:Port", parse.GetValue(httpPort));
            Set(overrides, "Database", parse.GetValue(db));
            Set(overrides, "Simulator:Port", parse.GetValue(simulatorPort));
            if (parse.GetValue(noSimulator))
            {
                overrides["Pigeon:Simulator:Enabled"] = "false";
            }

            return await GatewayHost.RunAsync(overrides, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static void Set(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides["Pigeon:" + key] = value;
        }
    }

    private static void Set(Dictionary<string, string?> overrides, string key, int? value)
    {
        if (value is { } number)
        {
            overrides["Pigeon:" + key] = number.ToString(CultureInfo.InvariantCulture);
        }
    }
}
