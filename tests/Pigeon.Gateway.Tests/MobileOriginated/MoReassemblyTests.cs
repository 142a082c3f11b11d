using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.MobileOriginated;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Text;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Gateway.Tests.MobileOriginated;

/// <summary>Concatenated MO from suppliers become one MO for the customer, over a real SQLite store and a fake clock.</summary>
public sealed class MoReassemblyTests : IAsyncLifetime
{
    private const long Supplier = 1;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly InboundNumber Owner = new() { Number = MoParts.Number, CustomerId = 7 };
    private readonly string _directory = Directory.CreateTempSubdirectory("pigeon-mo-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private SqliteGatewayStore? _store;
    private GroupCommitWriter? _writer;
    private MoReassembly? _reassembly;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MoReassembly Reassembly => _reassembly!;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(_directory, "pigeon.db") }, TimeProvider.System);
        await _store.MigrateAsync(Ct);
        _writer = new GroupCommitWriter(_store.Writes, new GroupCommitOptions(), TimeProvider.System);
        _reassembly = new MoReassembly(_writer, _store.Messages, Timeout, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer!.DisposeAsync();
        await _store!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_message_in_one_piece_is_stored_as_it_came()
    {
        var outcome = await AcceptAsync(MoParts.Whole("447700900001", "Yes please"));

        Assert.Equal(MoOutcomeKind.Stored, outcome.Kind);
        var mo = Assert.Single(await PendingAsync());
        Assert.Equal("Yes please", Text(mo));
        Assert.Equal(outcome.Mo!.Id, mo.Id);
    }

    [Fact]
    public async Task Parts_arriving_out_of_order_are_stored_as_one_message_in_part_order()
    {
        var third = await AcceptAsync(MoParts.Udh("447700900001", 42, 3, 3, "the end."));
        var first = await AcceptAsync(MoParts.Udh("447700900001", 42, 3, 1, "At first, "));
        var second = await AcceptAsync(MoParts.Udh("447700900001", 42, 3, 2, "the middle, "));

        Assert.Equal([MoOutcomeKind.PartHeld, MoOutcomeKind.PartHeld, MoOutcomeKind.Assembled], [third.Kind, first.Kind, second.Kind]);
        var mo = Assert.Single(await PendingAsync());
        Assert.Equal("At first, the middle, the end.", Text(mo));
        Assert.Equal(0, mo.EsmClass & 0x40);
        Assert.Equal("447700900001", mo.Source);
        Assert.Equal(MoParts.Number, mo.Destination);
        Assert.Equal(Owner.CustomerId, mo.CustomerId);
    }

    [Fact]
    public async Task A_part_received_twice_is_ignored()
    {
        var first = await AcceptAsync(MoParts.Udh("447700900001", 5, 2, 1, "Hello "));
        var again = await AcceptAsync(MoParts.Udh("447700900001", 5, 2, 1, "Hello "));
        var last = await AcceptAsync(MoParts.Udh("447700900001", 5, 2, 2, "world"));

        Assert.Equal([MoOutcomeKind.PartHeld, MoOutcomeKind.Repeat, MoOutcomeKind.Assembled], [first.Kind, again.Kind, last.Kind]);
        Assert.Equal(["Hello world"], (await PendingAsync()).Select(Text));
    }

    [Fact]
    public async Task A_part_sent_again_after_its_message_was_assembled_is_a_repeat()
    {
        await AcceptAsync(MoParts.Udh("447700900001", 6, 2, 1, "Hello "));
        await AcceptAsync(MoParts.Udh("447700900001", 6, 2, 2, "again"));

        var late = await AcceptAsync(MoParts.Udh("447700900001", 6, 2, 2, "again"));
        _clock.Advance(Timeout);
        var swept = await Reassembly.SweepAsync(Ct);

        Assert.Equal(MoOutcomeKind.Repeat, late.Kind);
        Assert.Empty(swept);
        Assert.Equal(["Hello again"], (await PendingAsync()).Select(Text));
    }

    [Fact]
    public async Task Interleaved_messages_of_two_senders_with_the_same_reference_are_kept_apart()
    {
        await AcceptAsync(MoParts.Udh("447700900001", 9, 2, 1, "Alice "));
        await AcceptAsync(MoParts.Udh("447700900002", 9, 2, 2, "Bob"));
        var bob = await AcceptAsync(MoParts.Udh("447700900002", 9, 2, 1, "From Bob: "));
        var alice = await AcceptAsync(MoParts.Udh("447700900001", 9, 2, 2, "writes"));

        Assert.Equal(MoOutcomeKind.Assembled, bob.Kind);
        Assert.Equal(MoOutcomeKind.Assembled, alice.Kind);
        var pending = await PendingAsync();
        Assert.Equal(["From Bob: Bob", "Alice writes"], pending.Select(Text));
        Assert.Equal(["447700900002", "447700900001"], pending.Select(m => m.Source));
    }

    [Fact]
    public async Task Parts_tied_by_sar_tlvs_are_joined_like_header_parts()
    {
        await AcceptAsync(MoParts.Sar("447700900001", 700, 2, 2, "TLVs"));
        var last = await AcceptAsync(MoParts.Sar("447700900001", 700, 2, 1, "Tied by "));

        Assert.Equal(MoOutcomeKind.Assembled, last.Kind);
        Assert.Equal(["Tied by TLVs"], (await PendingAsync()).Select(Text));
    }

    [Fact]
    public async Task A_ucs2_message_keeps_its_data_coding()
    {
        await AcceptAsync(MoParts.Udh("447700900001", 3, 2, 2, "мир 🌍", SmsEncoding.Ucs2));
        await AcceptAsync(MoParts.Udh("447700900001", 3, 2, 1, "Привет, ", SmsEncoding.Ucs2));

        var mo = Assert.Single(await PendingAsync());
        Assert.Equal(0x08, mo.DataCoding);
        Assert.Equal("Привет, мир 🌍", Text(mo));
    }

    [Fact]
    public async Task An_incomplete_message_waits_until_the_time_out_then_is_stored_with_its_gap_marked()
    {
        await AcceptAsync(MoParts.Udh("447700900001", 8, 3, 3, "the end."));
        await AcceptAsync(MoParts.Udh("447700900001", 8, 3, 1, "At first, "));

        _clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        var early = await Reassembly.SweepAsync(Ct);
        var pendingEarly = await PendingAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var due = await Reassembly.SweepAsync(Ct);

        Assert.Empty(early);
        Assert.Empty(pendingEarly);
        var outcome = Assert.Single(due);
        Assert.Equal(MoOutcomeKind.Incomplete, outcome.Kind);
        Assert.Equal([2], outcome.MissingParts);
        Assert.Equal(["At first, [...]the end."], (await PendingAsync()).Select(Text));
    }

    [Fact]
    public async Task A_part_arriving_after_its_message_timed_out_is_held_as_a_new_set()
    {
        await AcceptAsync(MoParts.Udh("447700900001", 10, 2, 1, "Early "));
        _clock.Advance(Timeout);
        await Reassembly.SweepAsync(Ct);

        var late = await AcceptAsync(MoParts.Udh("447700900001", 10, 2, 2, "late"));

        Assert.Equal(MoOutcomeKind.PartHeld, late.Kind);
        Assert.Equal(["Early [...]"], (await PendingAsync()).Select(Text));
    }

    [Fact]
    public async Task A_set_completed_but_not_assembled_before_a_crash_is_assembled_by_the_next_sweep()
    {
        foreach (var (number, text) in new[] { (2, "after "), (1, "Stored "), (3, "a crash") })
        {
            var deliver = MoParts.Udh("447700900001", 77, 3, (byte)number, text);
            var part = new MoPartRecord
            {
                Part = new MoRecord
                {
                    SupplierId = Supplier,
                    Source = deliver.Source.Value,
                    Destination = deliver.Destination.Value,
                    EsmClass = 0x40,
                    Body = deliver.ShortMessage.ToArray(),
                    CustomerId = Owner.CustomerId,
                    ReceivedAt = _clock.GetUtcNow(),
                },
                Reference = 77,
                TotalParts = 3,
                PartNumber = number,
            };
            await _writer!.WriteAsync(new StoreMoPart(part), Ct);
        }

        var swept = await Reassembly.SweepAsync(Ct);

        Assert.Equal([MoOutcomeKind.Assembled], swept.Select(o => o.Kind));
        Assert.Equal(["Stored after a crash"], (await PendingAsync()).Select(Text));
    }

    [Fact]
    public async Task Parts_arriving_at_once_on_several_binds_make_one_message_each()
    {
        var senders = Enumerable.Range(0, 20).Select(i => $"4477009{i:D5}").ToList();

        var outcomes = await Task.WhenAll(senders.SelectMany(from => new[]
        {
            Task.Run(async () => await AcceptAsync(MoParts.Udh(from, 1, 3, 3, "C")), Ct),
            Task.Run(async () => await AcceptAsync(MoParts.Udh(from, 1, 3, 1, "A")), Ct),
            Task.Run(async () => await AcceptAsync(MoParts.Udh(from, 1, 3, 2, "B")), Ct),
        }));
        var swept = await Reassembly.SweepAsync(Ct);

        Assert.Equal(20, outcomes.Count(o => o.Kind == MoOutcomeKind.Assembled));
        Assert.Empty(swept);
        var pending = await PendingAsync();
        Assert.Equal(20, pending.Count);
        Assert.All(pending, mo => Assert.Equal("ABC", Text(mo)));
        Assert.Equal(senders.Order(), pending.Select(m => m.Source).Order());
    }

    private async Task<MoOutcome> AcceptAsync(DeliverSm deliver) => await Reassembly.AcceptAsync(Supplier, deliver, Owner, Ct);

    private async Task<IReadOnlyList<MoRecord>> PendingAsync() => await _store!.Messages.ListPendingMoAsync(Owner.CustomerId, 0, 100, Ct);

    private static string Text(MoRecord mo) => SmsText.Decode(new DataCoding(mo.DataCoding), mo.Body);
}
