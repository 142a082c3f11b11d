using Pigeon.Gateway.Routing;

namespace Pigeon.Gateway.Tests.Routing;

public sealed class RouteTableTests
{
    private const long Customer = 7;
    private const long OtherCustomer = 8;

    private static readonly Supplier[] Suppliers = [Supplier(1), Supplier(2), Supplier(3), Supplier(4)];

    [Fact]
    public void The_longest_matching_prefix_wins()
    {
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "44", 2), Route(3, "4479", 3)], Suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var selection));
        Assert.Equal(3, selection.Route.Id);
        Assert.Equal(3, selection.Supplier.Id);
        Assert.True(table.TryFind("442079460958", Customer, out selection));
        Assert.Equal(2, selection.Route.Id);
    }

    [Fact]
    public void The_catch_all_takes_what_no_prefix_matches()
    {
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "44", 2)], Suppliers);

        Assert.True(table.TryFind("33612345678", Customer, out var selection));
        Assert.Equal(1, selection.Route.Id);
    }

    [Fact]
    public void Without_a_catch_all_an_uncovered_destination_has_no_route()
    {
        var table = RouteTable.Build([Route(2, "44", 2)], Suppliers);

        Assert.False(table.TryFind("33612345678", Customer, out var selection));
        Assert.Null(selection);
    }

    [Fact]
    public void The_empty_table_routes_nothing()
    {
        Assert.False(RouteTable.Empty.TryFind("447911123456", Customer, out _));
        Assert.Equal(0, RouteTable.Empty.RouteCount);
    }

    [Fact]
    public void A_customers_own_route_comes_before_the_default_at_the_same_prefix()
    {
        var table = RouteTable.Build([Route(1, "44", 1, priority: 0), Route(2, "44", 2, priority: 5, customer: Customer)], Suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var mine));
        Assert.Equal(2, mine.Route.Id);
        Assert.True(table.TryFind("447911123456", OtherCustomer, out var theirs));
        Assert.Equal(1, theirs.Route.Id);
    }

    [Fact]
    public void A_longer_default_prefix_beats_a_customers_shorter_one()
    {
        var table = RouteTable.Build([Route(1, "44", 1, customer: Customer), Route(2, "4479", 2)], Suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var selection));
        Assert.Equal(2, selection.Route.Id);
        Assert.Equal([1L], selection.FailoverSupplierIds);
    }

    [Fact]
    public void Another_customers_route_is_never_used()
    {
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "4479", 2, customer: OtherCustomer)], Suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var selection));
        Assert.Equal(1, selection.Route.Id);
        Assert.Empty(selection.FailoverSupplierIds);
    }

    [Fact]
    public void Lower_priority_comes_first_at_the_same_prefix_then_lower_id()
    {
        var table = RouteTable.Build(
            [Route(1, "44", 1, priority: 10), Route(2, "44", 2, priority: 1), Route(4, "44", 4, priority: 5), Route(3, "44", 3, priority: 5)],
            Suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var selection));
        Assert.Equal([2L, 3L, 4L, 1L], selection.Candidates.Select(r => r.Id));
        Assert.Equal([3L, 4L, 1L], selection.FailoverSupplierIds);
    }

    [Fact]
    public void Disabled_routes_are_skipped()
    {
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "44", 2) with { Enabled = false }], Suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var selection));
        Assert.Equal(1, selection.Route.Id);
        Assert.Equal(1, table.RouteCount);
    }

    [Fact]
    public void Routes_of_a_supplier_that_is_down_or_unknown_are_skipped()
    {
        Supplier[] suppliers = [Supplier(1), Supplier(2) with { AdminUp = false }];
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "44", 2), Route(3, "4479", 99)], suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var selection));
        Assert.Equal(1, selection.Route.Id);
    }

    [Fact]
    public void A_supplier_with_submits_suspended_still_routes()
    {
        Supplier[] suppliers = [Supplier(1), Supplier(2) with { SubmitSuspended = true }];
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "44", 2)], suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var selection));
        Assert.Equal(2, selection.Route.Id);
    }

    [Fact]
    public void The_failover_list_is_the_distinct_suppliers_of_the_other_matches_longest_prefix_first()
    {
        var table = RouteTable.Build(
            [
                Route(1, "", 4),
                Route(2, "44", 2, priority: 1),
                Route(3, "44", 3, priority: 2),
                Route(4, "447", 1),
                Route(5, "447", 2, priority: 9),
                Route(6, "4479", 1, customer: Customer),
                Route(7, "4479", 3),
            ],
            Suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var selection));
        Assert.Equal([6L, 7L, 4L, 5L, 2L, 3L, 1L], selection.Candidates.Select(r => r.Id));
        Assert.Equal(1, selection.Supplier.Id);
        Assert.Equal([3L, 2L, 4L], selection.FailoverSupplierIds);
    }

    [Fact]
    public void A_customer_lookup_answers_the_same_each_time()
    {
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "44", 2, customer: Customer)], Suppliers);

        Assert.True(table.TryFind("447911123456", Customer, out var first));
        Assert.True(table.TryFind("447000000000", Customer, out var second));
        Assert.Same(first, second);
        Assert.Equal(2, first.Route.Id);
    }

    [Fact]
    public void A_lookup_stops_at_the_first_character_that_is_not_a_digit()
    {
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "12", 2)], Suppliers);

        Assert.True(table.TryFind("1A2", Customer, out var selection));
        Assert.Equal(1, selection.Route.Id);
    }

    [Fact]
    public void A_prefix_with_other_than_digits_is_refused_when_building()
    {
        var error = Assert.Throws<ArgumentException>(() => RouteTable.Build([Route(1, "+44", 1)], Suppliers));

        Assert.Contains("+44", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lookup_allocates_nothing()
    {
        var table = RouteTable.Build([Route(1, "", 1), Route(2, "44", 2), Route(3, "4479", 3, customer: Customer)], Suppliers);

        // Warm up past tiered compilation's call-counting threshold, whose bookkeeping can allocate on this thread.
        for (var i = 0; i < 200; i++)
        {
            table.TryFind("447911123456", Customer, out _);
            table.TryFind("447911123456", OtherCustomer, out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            table.TryFind("447911123456", Customer, out _);
            table.TryFind("447911123456", OtherCustomer, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_active_table_is_replaced_whole()
    {
        var first = RouteTable.Build([Route(1, "", 1)], Suppliers);
        var second = RouteTable.Build([Route(2, "", 2)], Suppliers);
        var active = new ActiveRouteTable(first);

        var replaced = active.Replace(second);

        Assert.Same(first, replaced);
        Assert.Same(second, active.Current);
        Assert.True(active.Current.TryFind("1", Customer, out var selection));
        Assert.Equal(2, selection.Route.Id);
    }

    [Fact]
    public void An_active_table_starts_empty()
    {
        Assert.Same(RouteTable.Empty, new ActiveRouteTable().Current);
    }

    internal static Route Route(long id, string prefix, long supplier, int priority = 0, long? customer = null, decimal price = 0.05m, string currency = "EUR") => new()
    {
        Id = id,
        Prefix = prefix,
        SupplierId = supplier,
        Priority = priority,
        CustomerId = customer,
        Price = price,
        Currency = currency,
    };

    internal static Supplier Supplier(long id) => new()
    {
        Id = id,
        Name = $"s{id}",
        Host = "127.0.0.1",
        Port = 2775,
        SystemId = $"s{id}",
        Password = "secret",
    };
}
