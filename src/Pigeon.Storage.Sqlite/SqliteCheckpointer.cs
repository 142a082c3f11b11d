using Microsoft.Data.Sqlite;

namespace Pigeon.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection and a thread of its own, so the group
/// commit never does it. SQLite's automatic checkpoint runs inside the commit that crosses its threshold (1,000
/// pages): that commit, and every producer waiting on it, waits for pages to be copied and the database file to be
/// synced. The writer connection turns it off (wal_autocheckpoint = 0) and this loop runs a PASSIVE checkpoint at a
/// steady interval instead; PASSIVE never waits for the writer or readers, and the writer keeps appending meanwhile.
/// Durability is unchanged: a commit is durable once its log frames are synced (synchronous=FULL), before and after.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private readonly SqliteDialect _dialect;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public SqliteCheckpointer(SqliteDialect dialect, TimeSpan interval, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _loop = Task.Run(() => RunAsync(interval, timeProvider));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, TimeProvider timeProvider)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    connection ??= _dialect.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    command.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // A busy or failed checkpoint loses nothing (the log keeps every commit): the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }
}
