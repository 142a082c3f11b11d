using System.Net;
using System.Net.Sockets;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>Operator controls at run time (admin up/down, suspend/resume) and failover off an unavailable supplier.</summary>
public sealed class SupplierConnectorAdminTests
{
    [Fact]
    public async Task Admin_down_closes_the_binds_and_stops_submits_and_admin_up_resumes()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        var supplier = DispatchHarness.SupplierFor(smsc, binds: 2);
        await dispatch.Coordinator.ApplyAsync(supplier, TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 2);

        await dispatch.Coordinator.ApplyAsync(supplier with { AdminUp = false }, TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => smsc.BoundSessions == 0, "the SMSC sees both binds go");
        dispatch.Submit(TestParts.Range(1, 20));
        await Eventually.StaysAsync(() => smsc.Submits.IsEmpty, "nothing is submitted while admin-down", TimeSpan.FromMilliseconds(400));
        var down = dispatch.Coordinator.GetState(1)!;
        Assert.Equal((false, 0, 20), (down.AdminUp, down.BoundBinds, down.Queued));

        await dispatch.Coordinator.ApplyAsync(supplier, TestContext.Current.CancellationToken);
        await dispatch.AcceptedAsync(20);

        Assert.Equal(2, smsc.BoundSessions);
        Assert.Equal(20, smsc.Submits.Select(s => s.PartId).Distinct().Count());
        Assert.Equal(20, smsc.Submits.Count);
    }

    [Fact]
    public async Task Suspended_submits_wait_while_binds_stay_up_and_receipts_flow()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        var supplier = DispatchHarness.SupplierFor(smsc);
        await dispatch.Coordinator.ApplyAsync(supplier with { SubmitSuspended = true }, TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        dispatch.Submit(TestParts.Range(1, 10));
        await Eventually.StaysAsync(() => smsc.Submits.IsEmpty, "nothing is submitted while suspended", TimeSpan.FromMilliseconds(400));
        var receipt = new DeliveryReceipt { MessageId = "S1", State = MessageState.Delivered }
            .ToDeliverSm(SmppAddress.International("491701234567"), SmppAddress.Alphanumeric("Pigeon"));
        var answer = await smsc.SendAsync(receipt);
        Assert.Equal(CommandStatus.Ok, answer.CommandStatus);
        Assert.Single(dispatch.Store.Receipts);
        Assert.Equal(1, smsc.BoundSessions);
        Assert.True(dispatch.Coordinator.GetState(1)!.SubmitSuspended);

        await dispatch.Coordinator.ApplyAsync(supplier, TestContext.Current.CancellationToken);
        await dispatch.AcceptedAsync(10);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), smsc.Submits.Select(s => s.PartId).Order());
    }

    [Fact]
    public async Task Parts_of_a_supplier_admin_down_too_long_fail_over_to_the_next_supplier()
    {
        await using var down = await ScriptedSmsc.StartAsync();
        await using var backup = await ScriptedSmsc.StartAsync();
        var options = DispatchHarness.FastOptions();
        options.UnavailableFailoverAfter = TimeSpan.FromMilliseconds(300);
        await using var dispatch = new DispatchHarness(options);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(down, id: 1) with { AdminUp = false }, TestContext.Current.CancellationToken);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(backup, id: 2), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 50, supplierId: 1, failover: 2));
        await dispatch.AcceptedAsync(50);

        Assert.Empty(down.Submits);
        Assert.Equal(50, dispatch.Store.FailedOver.Count);
        Assert.All(dispatch.Store.FailedOver, f => Assert.Contains("unavailable", f.Reason, StringComparison.Ordinal));
        Assert.Equal(50, backup.Submits.Select(s => s.PartId).Distinct().Count());
        Assert.Equal(0, dispatch.Store.WaitingCount(1));
    }

    [Fact]
    public async Task Parts_of_a_supplier_that_never_binds_fail_over_and_those_without_a_route_left_are_rejected()
    {
        await using var backup = await ScriptedSmsc.StartAsync();
        var options = DispatchHarness.FastOptions();
        options.UnavailableFailoverAfter = TimeSpan.FromMilliseconds(300);
        await using var dispatch = new DispatchHarness(options);
        var unreachable = DispatchHarness.SupplierFor(backup, id: 1) with { Port = ClosedPort() };
        await dispatch.Coordinator.ApplyAsync(unreachable, TestContext.Current.CancellationToken);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(backup, id: 2), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 5, supplierId: 1, failover: 2));
        dispatch.Submit(TestParts.Range(6, 5, supplierId: 1));
        await Eventually.HoldsAsync(() => dispatch.Store.Accepted.Count == 5 && dispatch.Store.Rejected.Count == 5, "five failed over, five rejected");

        Assert.Equal([1, 2, 3, 4, 5], dispatch.Store.Accepted.Select(a => a.PartId).Order());
        Assert.Equal([6, 7, 8, 9, 10], dispatch.Store.Rejected.Select(r => r.PartId).Order());
        Assert.All(dispatch.Store.Rejected, r => Assert.Equal(CommandStatus.SystemError, r.Status));
        Assert.NotNull(dispatch.Coordinator.GetState(1)!.UnavailableSince);
    }

    [Fact]
    public async Task Suspended_supplier_is_not_unavailable_and_keeps_its_parts()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var backup = await ScriptedSmsc.StartAsync();
        var options = DispatchHarness.FastOptions();
        options.UnavailableFailoverAfter = TimeSpan.FromMilliseconds(100);
        await using var dispatch = new DispatchHarness(options);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, id: 1) with { SubmitSuspended = true }, TestContext.Current.CancellationToken);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(backup, id: 2), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        dispatch.Submit(TestParts.Range(1, 5, supplierId: 1, failover: 2));

        await Eventually.StaysAsync(() => dispatch.Store.FailedOver.IsEmpty, "a suspended supplier keeps its parts", TimeSpan.FromMilliseconds(500));
        Assert.Null(dispatch.Coordinator.GetState(1)!.UnavailableSince);
        Assert.Empty(backup.Submits);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
