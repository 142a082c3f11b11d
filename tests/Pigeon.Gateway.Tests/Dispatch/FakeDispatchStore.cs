using System.Collections.Concurrent;
using Pigeon.Gateway.Dispatch;
using Pigeon.Gateway.Identity;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>
/// An in-memory store behaving as the contract says: parts wait per supplier until an outcome is reported; an
/// accepted, rejected or failed-over part no longer waits for that supplier. It records every call, and can hold
/// back or fail the storing of receipts and MO.
/// </summary>
internal sealed class FakeDispatchStore : IDispatchOutcomes, IDispatchBacklog
{
    private readonly Lock _sync = new();
    private readonly Dictionary<long, SortedDictionary<long, DispatchItem>> _waiting = [];
    private int _loads;

    public ConcurrentQueue<AcceptedPart> Accepted { get; } = new();

    /// <summary>Accepted and receipt calls in the order they were stored: "accepted ID" and "receipt ID".</summary>
    public ConcurrentQueue<string> Journal { get; } = new();

    public ConcurrentQueue<RejectedPart> Rejected { get; } = new();

    public ConcurrentQueue<FailedOverPart> FailedOver { get; } = new();

    public ConcurrentQueue<(long SupplierId, DeliveryReceipt Receipt)> Receipts { get; } = new();

    public ConcurrentQueue<(long SupplierId, DeliverSm Deliver)> MobileOriginated { get; } = new();

    /// <summary>Awaited before a receipt or MO is stored: a slow disk.</summary>
    public Func<Task>? InboundDelay { get; set; }

    /// <summary>Thrown instead of storing a receipt or MO: a failing disk.</summary>
    public Exception? InboundFailure { get; set; }

    public int Loads => Volatile.Read(ref _loads);

    /// <summary>Commits a part as waiting for its supplier (the gateway then enqueues it).</summary>
    public void Add(DispatchItem item)
    {
        lock (_sync)
        {
            WaitingFor(item.SupplierId)[item.PartId.Value] = item;
        }
    }

    public int WaitingCount(long supplierId)
    {
        lock (_sync)
        {
            return WaitingFor(supplierId).Count;
        }
    }

    public int AcceptedCount(long partId) => Accepted.Count(a => a.PartId == partId);

    public ValueTask AcceptedAsync(DispatchItem item, long supplierId, string supplierMessageId, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            WaitingFor(supplierId).Remove(item.PartId.Value);
            Accepted.Enqueue(new AcceptedPart(item.PartId.Value, supplierId, supplierMessageId, item.Attempts));
            Journal.Enqueue("accepted " + supplierMessageId);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RejectedAsync(DispatchItem item, long supplierId, CommandStatus status, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            WaitingFor(supplierId).Remove(item.PartId.Value);
            Rejected.Enqueue(new RejectedPart(item.PartId.Value, supplierId, status));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> FailedOverAsync(DispatchItem item, long fromSupplierId, long toSupplierId, string reason, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            WaitingFor(fromSupplierId).Remove(item.PartId.Value);
            WaitingFor(toSupplierId)[item.PartId.Value] = item with
            {
                SupplierId = toSupplierId,
                FailoverSupplierIds = [.. item.FailoverSupplierIds.SkipWhile(id => id != toSupplierId).Skip(1)],
            };
            FailedOver.Enqueue(new FailedOverPart(item.PartId.Value, fromSupplierId, toSupplierId, reason));
        }

        return ValueTask.FromResult(true);
    }

    public async ValueTask ReceiptAsync(long supplierId, DeliveryReceipt receipt, CancellationToken cancellationToken)
    {
        await StoreInboundAsync();
        Receipts.Enqueue((supplierId, receipt));
        Journal.Enqueue("receipt " + receipt.MessageId);
    }

    public async ValueTask MobileOriginatedAsync(long supplierId, DeliverSm deliver, CancellationToken cancellationToken)
    {
        await StoreInboundAsync();
        MobileOriginated.Enqueue((supplierId, deliver));
    }

    public ValueTask<IReadOnlyList<DispatchItem>> LoadAsync(long supplierId, MessageId afterPartId, int limit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        lock (_sync)
        {
            IReadOnlyList<DispatchItem> parts = [.. WaitingFor(supplierId).Where(p => p.Key > afterPartId.Value).Take(limit).Select(p => p.Value)];
            return ValueTask.FromResult(parts);
        }
    }

    private async Task StoreInboundAsync()
    {
        if (InboundDelay is { } delay)
        {
            await delay();
        }

        if (InboundFailure is { } failure)
        {
            throw failure;
        }
    }

    private SortedDictionary<long, DispatchItem> WaitingFor(long supplierId)
    {
        if (!_waiting.TryGetValue(supplierId, out var waiting))
        {
            waiting = [];
            _waiting[supplierId] = waiting;
        }

        return waiting;
    }
}
