using System.Globalization;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>This part: parts of concatenated MO held until their set is complete, then consumed into one MO.</summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task Mo_parts_are_held_in_any_order_and_read_back_by_part_number()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var handset = Handset();
        var expected = MoPart(supplier.Id, customer.Id, handset, 7, 3, 1);

        var third = await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, handset, 7, 3, 3)), Ct);
        var first = await Writer.WriteAsync(new StoreMoPart(expected), Ct);
        var held = await Store.Messages.ListHeldMoPartsAsync(new MoPartSetKey(handset, MoNumber, 7, 3), Ct);

        Assert.True(third.Changed);
        Assert.True(first.Changed);
        Assert.Equal(1, third.Count);
        Assert.Equal(2, first.Count);
        Assert.Equal([first.Id!.Value, third.Id!.Value], held.Select(p => p.Id));
        Assert.Equal([1, 3], held.Select(p => p.PartNumber));
        Assert.Equal(expected.Part.Body, held[0].Part.Body);
        Assert.Equal(expected with { Id = held[0].Id, Part = expected.Part with { Body = held[0].Part.Body } }, held[0]);
    }

    [Fact]
    public async Task A_repeated_mo_part_is_not_held_twice()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var handset = Handset();
        var part = MoPart(supplier.Id, customer.Id, handset, 9, 2, 1);

        var stored = await Writer.WriteAsync(new StoreMoPart(part), Ct);
        var repeat = await Writer.WriteAsync(new StoreMoPart(part with { Part = part.Part with { Body = [0x05, 0x00, 0x03, 9, 2, 1, 0x41] } }), Ct);
        var held = await Store.Messages.ListHeldMoPartsAsync(part.SetKey, Ct);

        Assert.True(stored.Changed);
        Assert.False(repeat.Changed);
        Assert.Null(repeat.Id);
        Assert.Single(held);
    }

    [Fact]
    public async Task Mo_parts_of_two_handsets_with_the_same_reference_are_two_sets()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (alice, bob) = (Handset(), Handset());

        var fromAlice = await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, alice, 4, 2, 1)), Ct);
        var fromBob = await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, bob, 4, 2, 1)), Ct);

        Assert.True(fromBob.Changed);
        Assert.Equal(1, fromAlice.Count);
        Assert.Equal(1, fromBob.Count);
    }

    [Fact]
    public async Task Mo_from_parts_is_stored_once_and_consumes_its_parts()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var handset = Handset();
        var ids = new List<long>();
        foreach (var number in new[] { 2, 1 })
        {
            ids.Add((await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, handset, 11, 2, number)), Ct)).Id!.Value);
        }

        var whole = MoPart(supplier.Id, customer.Id, handset, 11, 2, 1).Part with { EsmClass = 0, Body = [0x41, 0x42] };

        var assembled = await Writer.WriteAsync(new StoreMoFromParts(whole, ids, Sample.Now()), Ct);
        var again = await Writer.WriteAsync(new StoreMoFromParts(whole, ids, Sample.Now()), Ct);
        var pending = await Store.Messages.ListPendingMoAsync(customer.Id, 0, 10, Ct);
        var held = await Store.Messages.ListHeldMoPartsAsync(new MoPartSetKey(handset, MoNumber, 11, 2), Ct);

        Assert.True(assembled.Changed);
        Assert.False(again.Changed);
        Assert.Equal([assembled.Id!.Value], pending.Select(m => m.Id));
        Assert.Equal(whole with { Id = assembled.Id!.Value, Body = pending[0].Body }, pending[0]);
        Assert.Equal(whole.Body, pending[0].Body);
        Assert.Empty(held);
    }

    [Fact]
    public async Task Mo_from_parts_stores_nothing_when_one_of_its_parts_is_consumed_already()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var handset = Handset();
        var first = (await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, handset, 12, 2, 1)), Ct)).Id!.Value;
        var second = (await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, handset, 12, 2, 2)), Ct)).Id!.Value;
        var mo = MoPart(supplier.Id, customer.Id, handset, 12, 2, 1).Part;
        await Writer.WriteAsync(new StoreMoFromParts(mo, [first], Sample.Now()), Ct);

        var both = await Writer.WriteAsync(new StoreMoFromParts(mo, [first, second], Sample.Now()), Ct);
        var pending = await Store.Messages.ListPendingMoAsync(customer.Id, 0, 10, Ct);
        var held = await Store.Messages.ListHeldMoPartsAsync(new MoPartSetKey(handset, MoNumber, 12, 2), Ct);

        Assert.False(both.Changed);
        Assert.Single(pending);
        Assert.Equal([second], held.Select(p => p.Id));
    }

    [Fact]
    public async Task A_part_sent_again_after_its_set_was_consumed_is_a_repeat_until_forgotten()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var handset = Handset();
        var part = MoPart(supplier.Id, customer.Id, handset, 13, 2, 1);
        var id = (await Writer.WriteAsync(new StoreMoPart(part), Ct)).Id!.Value;
        var consumedAt = Sample.Now().AddMinutes(-10);
        await Writer.WriteAsync(new StoreMoFromParts(part.Part, [id], consumedAt), Ct);

        var repeat = await Writer.WriteAsync(new StoreMoPart(part), Ct);
        var forgotten = await Writer.WriteAsync(new ForgetMoParts(consumedAt.AddSeconds(1)), Ct);
        var afterForgetting = await Writer.WriteAsync(new StoreMoPart(part), Ct);

        Assert.False(repeat.Changed);
        Assert.True(forgotten.Count >= 1);
        Assert.True(afterForgetting.Changed);
        Assert.Equal(1, afterForgetting.Count);
    }

    [Fact]
    public async Task A_new_message_reusing_a_consumed_reference_is_held()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var handset = Handset();
        var part = MoPart(supplier.Id, customer.Id, handset, 14, 2, 1);
        var id = (await Writer.WriteAsync(new StoreMoPart(part), Ct)).Id!.Value;
        await Writer.WriteAsync(new StoreMoFromParts(part.Part, [id], Sample.Now()), Ct);

        var reused = await Writer.WriteAsync(new StoreMoPart(part with { Part = part.Part with { Body = [0x05, 0x00, 0x03, 14, 2, 1, 0x5A] } }), Ct);

        Assert.True(reused.Changed);
        Assert.Equal(1, reused.Count);
    }

    [Fact]
    public async Task Ready_mo_part_sets_are_the_complete_ones_and_those_begun_before_the_cut_off()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (complete, old, recent) = (Handset(), Handset(), Handset());
        var cutOff = Sample.Now().AddMinutes(-5);
        await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, complete, 1, 2, 1)), Ct);
        await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, complete, 1, 2, 2)), Ct);
        await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, old, 1, 2, 1, cutOff.AddSeconds(-1))), Ct);
        await Writer.WriteAsync(new StoreMoPart(MoPart(supplier.Id, customer.Id, recent, 1, 2, 1)), Ct);

        var ready = await Store.Messages.ListReadyMoPartSetsAsync(cutOff, 1000, Ct);
        var mine = ready.Where(s => s.Key.Source == complete || s.Key.Source == old || s.Key.Source == recent).ToList();

        Assert.Equal([old, complete], mine.Select(s => s.Key.Source));
        Assert.Equal([false, true], mine.Select(s => s.IsComplete));
        Assert.Equal(cutOff.AddSeconds(-1), mine[0].FirstReceivedAt);
    }

    private const string MoNumber = "4930999000";

    private static string Handset() => "4917" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>Part <paramref name="number"/> of <paramref name="total"/>: a UDH with an 8-bit reference, then one letter.</summary>
    private static MoPartRecord MoPart(long supplierId, long customerId, string handset, int reference, int total, int number, DateTimeOffset? at = null) => new()
    {
        Part = new MoRecord
        {
            SupplierId = supplierId,
            Source = handset,
            SourceTon = 1,
            SourceNpi = 1,
            Destination = MoNumber,
            EsmClass = 0x40,
            DataCoding = 0,
            Body = [0x05, 0x00, 0x03, (byte)reference, (byte)total, (byte)number, (byte)('@' + number)],
            CustomerId = customerId,
            ReceivedAt = at ?? Sample.Now(),
        },
        Reference = reference,
        TotalParts = total,
        PartNumber = number,
    };
}
