using Microsoft.Data.Sqlite;

namespace Pigeon.Storage.Sqlite;

/// <summary>The statements of the MO part commands, prepared once on the writer connection.</summary>
internal sealed class SqliteMoPartStatements : IDisposable
{
    private const string SameSet = "source = @source AND destination = @destination AND reference = @reference AND total_parts = @total";

    public SqliteMoPartStatements(SqliteConnection c)
    {
        SamePart = new(c,
            $"SELECT body, consumed_at IS NULL FROM mo_parts WHERE {SameSet} AND part_number = @number");
        InsertPart = new(c,
            "INSERT INTO mo_parts (supplier_id, source, source_ton, source_npi, destination, esm_class, data_coding, body, customer_id, " +
            "smpp_account_id, received_at, reference, total_parts, part_number) VALUES (@supplier, @source, @ston, @snpi, @destination, " +
            "@esm, @coding, @body, @customer, @account, @received, @reference, @total, @number) RETURNING id");
        HeldInSet = new(c,
            $"SELECT count(*) FROM mo_parts WHERE {SameSet} AND consumed_at IS NULL");
        IsHeld = new(c, "SELECT count(*) FROM mo_parts WHERE id = @id AND consumed_at IS NULL");
        Consume = new(c, "UPDATE mo_parts SET consumed_at = @at, mo_id = @mo WHERE id = @id AND consumed_at IS NULL");
        Forget = new(c, "DELETE FROM mo_parts WHERE consumed_at IS NOT NULL AND consumed_at < @before");
    }

    public SqliteStatement SamePart { get; }

    public SqliteStatement InsertPart { get; }

    public SqliteStatement HeldInSet { get; }

    public SqliteStatement IsHeld { get; }

    public SqliteStatement Consume { get; }

    public SqliteStatement Forget { get; }

    public void Dispose()
    {
        foreach (var statement in new[] { SamePart, InsertPart, HeldInSet, IsHeld, Consume, Forget })
        {
            statement.Dispose();
        }
    }
}
