using DbUp;
using DbUp.Engine;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// Applies the SQL files under Migrations/ (embedded, applied in name order, each once) with DbUp, which records
/// each applied file in its schemaversions table; a file already recorded is skipped, so running it again is a no-op.
/// </summary>
internal static class PostgresMigrator
{
    public static IReadOnlyList<string> Migrate(string connectionString)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(PostgresMigrator).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        return [.. result.Scripts.Select(script => script.Name)];
    }
}
