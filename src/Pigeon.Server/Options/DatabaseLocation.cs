using System.Diagnostics.CodeAnalysis;

namespace Pigeon.Server.Options;

/// <summary>Which engine and where: SQLite in a file, or a PostgreSQL server.</summary>
public sealed record DatabaseLocation(DatabaseEngine Engine, string ConnectionString)
{
    /// <summary>The SQLite file's name inside the data directory.</summary>
    public const string SqliteFileName = "pigeon.db";

    /// <summary>
    /// Understands: empty (SQLite in the data directory), <c>sqlite:PATH</c>, <c>postgres://user:password@host:port/db</c>
    /// (or postgresql://), and an Npgsql connection string (<c>Host=…;Database=…</c>).
    /// </summary>
    public static bool TryParse(string? text, string dataDirectory, [NotNullWhen(true)] out DatabaseLocation? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            location = new DatabaseLocation(DatabaseEngine.Sqlite, Path.GetFullPath(Path.Combine(dataDirectory, SqliteFileName)));
            return true;
        }

        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            location = new DatabaseLocation(DatabaseEngine.Sqlite, Path.GetFullPath(text["sqlite:".Length..]));
            return true;
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath.Length <= 1)
            {
                error = "a PostgreSQL URL looks like postgres://user:password@host:5432/database.";
                return false;
            }

            var user = uri.UserInfo.Split(':', 2);
            var parts = new List<string>
            {
                $"Host={uri.Host}",
                $"Port={(uri.Port > 0 ? uri.Port : 5432)}",
                $"Database={Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'))}",
            };
            if (user[0].Length > 0)
            {
                parts.Add($"Username={Uri.UnescapeDataString(user[0])}");
            }

            if (user.Length > 1)
            {
                parts.Add($"Password={Uri.UnescapeDataString(user[1])}");
            }

            location = new DatabaseLocation(DatabaseEngine.Postgres, string.Join(';', parts));
            return true;
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase) || text.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            location = new DatabaseLocation(DatabaseEngine.Postgres, text);
            return true;
        }

        error = "expected empty (SQLite in the data directory), sqlite:PATH, postgres://user:password@host:port/database, or an Npgsql connection string.";
        return false;
    }

    /// <summary>The location without any password, for logs and messages.</summary>
    public override string ToString() => Engine == DatabaseEngine.Sqlite
        ? $"SQLite {ConnectionString}"
        : "PostgreSQL " + string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
