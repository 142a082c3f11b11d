using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Sqlite;

/// <summary>This part: the parts of concatenated MO, held until their set is complete, then consumed into one MO.</summary>
internal sealed partial class SqliteBatchExecutor
{
    private SqliteMoPartStatements? _moParts;

    private SqliteMoPartStatements M => _moParts ??= new SqliteMoPartStatements(_connection!);

    private WriteResult HoldMoPart(MoPartRecord part)
    {
        var mo = part.Part;
        using (var reader = M.SamePart.Bind(mo.Source, mo.Destination, part.Reference, part.TotalParts, part.PartNumber).Read())
        {
            while (reader.Read())
            {
                // Held already, or consumed with the very same octets: a repeat either way.
                if (reader.GetInt64(1) != 0 || reader.GetBlob(0).SequenceEqual(mo.Body))
                {
                    return default;
                }
            }
        }

        var id = Scalar(M.InsertPart.Bind(
            mo.SupplierId, mo.Source, (int)mo.SourceTon, (int)mo.SourceNpi, mo.Destination, (int)mo.EsmClass, (int)mo.DataCoding,
            mo.Body, mo.CustomerId, mo.SmppAccountId, Micros(mo.ReceivedAt), part.Reference, part.TotalParts, part.PartNumber));
        var held = Scalar(M.HeldInSet.Bind(mo.Source, mo.Destination, part.Reference, part.TotalParts));
        return new WriteResult { Changed = true, Id = id, Count = (int)held };
    }

    private WriteResult StoreFromParts(StoreMoFromParts command)
    {
        if (command.PartIds.Count == 0)
        {
            return default;
        }

        foreach (var id in command.PartIds)
        {
            if (Scalar(M.IsHeld.Bind(id)) == 0)
            {
                return default;
            }
        }

        // Exactly what StoreMo does, so anything queued with a stored MO is queued for an assembled one too.
        var stored = Execute(new StoreMo(command.Mo));
        foreach (var id in command.PartIds)
        {
            M.Consume.Bind(Micros(command.At), stored.Id, id).Execute();
        }

        return stored;
    }
}
