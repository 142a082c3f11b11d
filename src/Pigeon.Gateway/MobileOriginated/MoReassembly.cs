using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;

namespace Pigeon.Gateway.MobileOriginated;

/// <summary>
/// Turns MO from suppliers into the MO their customers get, one logical message each. A message in one piece is
/// stored as it came. A part of a concatenated one (user data header with an 8- or 16-bit reference, or the SAR
/// TLVs) is held in the store (<see cref="StoreMoPart"/>) before the caller answers the supplier, so nothing
/// acknowledged is lost by a crash; the part that completes its set has the set joined and stored as one MO
/// (<see cref="StoreMoFromParts"/>), whatever order the parts came in and on whichever bind. The store decides
/// what is a repeat and consumes a set once, so concurrent parts, a sweep and a restart cannot deliver a message
/// twice.
/// <para>
/// <see cref="SweepAsync"/>, called periodically and at start, finishes what arrivals did not: sets completed before
/// a crash, and sets whose first part came more than the time-out ago, which are stored with what arrived (see
/// <see cref="MoPartJoiner"/>: gaps marked) so a missing part never holds up the rest for good. It also forgets
/// consumed parts once the time-out has passed (until then a part sent again is recognised as a repeat).
/// </para>
/// </summary>
public sealed class MoReassembly
{
    private const int SweepPage = 100;

    private readonly GroupCommitWriter _writer;
    private readonly IMessageReader _reader;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="writer">The store's group-commit writer.</param>
    /// <param name="reader">The store's reads.</param>
    /// <param name="timeout">How long after its first part an incomplete message is given up waiting for the rest.</param>
    /// <param name="timeProvider">The clock of arrivals and time-outs.</param>
    /// <param name="logger">Where incomplete messages are reported.</param>
    public MoReassembly(GroupCommitWriter writer, IMessageReader reader, TimeSpan timeout, TimeProvider timeProvider, ILogger<MoReassembly>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _writer = writer;
        _reader = reader;
        _timeout = timeout;
        _time = timeProvider;
        _logger = logger ?? NullLogger<MoReassembly>.Instance;
    }

    /// <summary>
    /// Stores an MO, or holds its part, for <paramref name="owner"/> (null: no customer owns the number; it is kept
    /// all the same). Completes once that is durable: the supplier may be answered then. A failure to assemble a
    /// complete set after its last part is held is logged and left to the next sweep, not thrown.
    /// </summary>
    public async ValueTask<MoOutcome> AcceptAsync(long supplierId, DeliverSm deliver, InboundNumber? owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        var received = new MoRecord
        {
            SupplierId = supplierId,
            Source = deliver.Source.Value,
            SourceTon = (byte)deliver.Source.Ton,
            SourceNpi = (byte)deliver.Source.Npi,
            Destination = deliver.Destination.Value,
            EsmClass = (byte)deliver.EsmClass,
            DataCoding = deliver.DataCoding,
            Body = deliver.Content.ToArray(),
            CustomerId = owner?.CustomerId,
            SmppAccountId = owner?.SmppAccountId,
            ReceivedAt = _time.GetUtcNow(),
        };
        if (!ConcatenationInfo.TryRead(deliver, out var info, out _) || !info.IsValid || info.Total == 1)
        {
            var stored = await _writer.WriteAsync(new StoreMo(received), cancellationToken);
            return new MoOutcome(MoOutcomeKind.Stored, received with { Id = stored.Id ?? 0 }, []);
        }

        var part = new MoPartRecord { Part = received, Reference = info.Reference, TotalParts = info.Total, PartNumber = info.Sequence };
        var held = await _writer.WriteAsync(new StoreMoPart(part), cancellationToken);
        if (!held.Changed)
        {
            return new MoOutcome(MoOutcomeKind.Repeat, null, []);
        }

        if (held.Count < info.Total)
        {
            return new MoOutcome(MoOutcomeKind.PartHeld, null, []);
        }

        try
        {
            return await AssembleAsync(part.SetKey, cancellationToken) ?? new MoOutcome(MoOutcomeKind.PartHeld, null, []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The part is held, which is all the supplier's answer depends on; the sweep assembles the set.
            MoLog.AssemblyFailed(_logger, e, part.SetKey.Source, part.SetKey.Destination, part.SetKey.Reference);
            return new MoOutcome(MoOutcomeKind.PartHeld, null, []);
        }
    }

    /// <summary>
    /// Stores every set that is complete (left by a crash or a failed assembly) or whose time-out has passed, then
    /// forgets parts consumed more than the time-out ago. Returns what it stored.
    /// </summary>
    public async ValueTask<IReadOnlyList<MoOutcome>> SweepAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var outcomes = new List<MoOutcome>();
        while (true)
        {
            var sets = await _reader.ListReadyMoPartSetsAsync(now - _timeout, SweepPage, cancellationToken);
            var progress = false;
            foreach (var set in sets)
            {
                if (await AssembleAsync(set.Key, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                    progress = true;
                }
            }

            if (sets.Count < SweepPage || !progress)
            {
                break;
            }
        }

        await _writer.WriteAsync(new ForgetMoParts(now - _timeout), cancellationToken);
        return outcomes;
    }

    /// <summary>Joins the held parts of a set and stores them as one MO; null when there were none left to consume.</summary>
    private async ValueTask<MoOutcome?> AssembleAsync(MoPartSetKey key, CancellationToken cancellationToken)
    {
        var parts = await _reader.ListHeldMoPartsAsync(key, cancellationToken);
        if (parts.Count == 0)
        {
            return null;
        }

        var mo = MoPartJoiner.Join(parts, key.TotalParts, out var missing);
        var stored = await _writer.WriteAsync(new StoreMoFromParts(mo, [.. parts.Select(p => p.Id)], _time.GetUtcNow()), cancellationToken);
        if (!stored.Changed)
        {
            return null;
        }

        if (missing.Count > 0)
        {
            MoLog.Incomplete(_logger, key.Source, key.Destination, key.Reference, key.TotalParts, string.Join(',', missing));
            return new MoOutcome(MoOutcomeKind.Incomplete, mo with { Id = stored.Id ?? 0 }, missing);
        }

        return new MoOutcome(MoOutcomeKind.Assembled, mo with { Id = stored.Id ?? 0 }, []);
    }
}
