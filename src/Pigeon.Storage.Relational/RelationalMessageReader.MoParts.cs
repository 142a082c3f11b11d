using System.Data.Common;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Relational;

/// <summary>This part: the held parts of concatenated MO.</summary>
internal sealed partial class RelationalMessageReader
{
    private const string MoPartColumns =
        "id, supplier_id, source, source_ton, source_npi, destination, esm_class, data_coding, body, customer_id, smpp_account_id, " +
        "received_at, reference, total_parts, part_number";

    public async ValueTask<IReadOnlyList<MoPartRecord>> ListHeldMoPartsAsync(MoPartSetKey key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {MoPartColumns} FROM mo_parts WHERE source = @source AND destination = @destination AND reference = @reference " +
            "AND total_parts = @total AND consumed_at IS NULL ORDER BY part_number")
            .With("@source", key.Source).With("@destination", key.Destination).With("@reference", key.Reference).With("@total", key.TotalParts);
        var parts = new List<MoPartRecord>(key.TotalParts);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            parts.Add(ReadMoPart(reader));
        }

        return parts;
    }

    public async ValueTask<IReadOnlyList<MoPartSet>> ListReadyMoPartSetsAsync(DateTimeOffset firstReceivedBy, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT source, destination, reference, total_parts, COUNT(*), MIN(received_at) FROM mo_parts WHERE consumed_at IS NULL " +
            "GROUP BY source, destination, reference, total_parts HAVING COUNT(*) >= total_parts OR MIN(received_at) <= @before " +
            "ORDER BY MIN(received_at) LIMIT @limit")
            .With("@before", dialect.Time(firstReceivedBy)).With("@limit", limit);
        var sets = new List<MoPartSet>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new MoPartSetKey(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
            sets.Add(new MoPartSet(key, Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture), dialect.ReadTime(reader, 5)));
        }

        return sets;
    }

    private MoPartRecord ReadMoPart(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        // The part's own id is column 0 too; the MO it will become gets its id when stored.
        Part = MessageRows.ReadMoFields(r, dialect) with { Id = 0 },
        Reference = r.GetInt32(12),
        TotalParts = r.GetInt32(13),
        PartNumber = r.GetInt32(14),
    };
}
