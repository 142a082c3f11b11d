using DbUp;
using DbUp.Engine;
using DbUp.Sqlite.Helpers;
using Microsoft.Data.Sqlite;

namespace Pigeon.Storage.Sqlite;

/// <summary>
/// Applies the SQL files under Migrations/ (embedded, applied in name order, each once) with DbUp, which records
/// each applied file in its schemaversions table; a file already recorded is skipped, so running it again is a no-op.
/// </summary>
internal static class SqliteMigrator
{
    public static IReadOnlyList<string> Migrate(SqliteConnection connection)
    {
        var upgrader = DeployChanges.To
            .SqliteDatabase(new SharedConnection(connection))
            .WithScriptsEmbeddedInAssembly(typeof(SqliteMigrator).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
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
