using System.Diagnostics;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Benchmarks;

/// <summary>
/// Producers each accept single-part messages one after another (await the commit, then the next), as SMPP
/// sessions do with their windows, for a fixed time; every acceptance is a durable commit shared with the others.
/// </summary>
internal static class AcceptLoad
{
    public static async Task<AcceptLoadResult> RunAsync(IGatewayStore store, int producers, TimeSpan duration)
    {
        await store.MigrateAsync(CancellationToken.None);
        var customer = await store.Provisioning.CreateCustomerAsync(
            new Customer { Id = 0, Name = $"bench-{Guid.NewGuid():N}", Country = "DE", Currency = "EUR" }, CancellationToken.None);
        await store.Provisioning.CreditAsync(customer.Id, 1_000_000_000m, "benchmark", CancellationToken.None);
        var supplier = await store.Provisioning.CreateSupplierAsync(
            new Supplier { Id = 0, Name = $"bench-{Guid.NewGuid():N}", Host = "127.0.0.1", Port = 2776, SystemId = "bench", Password = "bench" }, CancellationToken.None);
        var ids = new MessageIdGenerator(1, TimeProvider.System);
        var body = "Hello from the storage benchmark"u8.ToArray();
        await using var writer = new GroupCommitWriter(store.Writes, new GroupCommitOptions(), TimeProvider.System);

        // A short warm-up (JIT, prepared statements, pools) that is not counted.
        await RunProducersAsync(writer, ids, customer.Id, supplier.Id, body, producers, TimeSpan.FromSeconds(1));
        var batchesBefore = writer.CommittedBatches;
        var clock = Stopwatch.StartNew();
        var latencies = await RunProducersAsync(writer, ids, customer.Id, supplier.Id, body, producers, duration);
        clock.Stop();
        latencies.Sort();
        return new AcceptLoadResult(
            store.Engine,
            producers,
            latencies.Count,
            writer.CommittedBatches - batchesBefore,
            clock.Elapsed,
            TimeSpan.FromTicks(latencies[latencies.Count / 2]),
            TimeSpan.FromTicks(latencies[(int)(latencies.Count * 0.99)]));
    }

    private static async Task<List<long>> RunProducersAsync(
        GroupCommitWriter writer, MessageIdGenerator ids, long customerId, long supplierId, byte[] body, int producers, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(16_384);
            while (Stopwatch.GetTimestamp() < end)
            {
                var id = ids.Next();
                var message = new MessageRecord
                {
                    Id = id,
                    CustomerId = customerId,
                    Source = "Pigeon",
                    SourceTon = 5,
                    Destination = "491701234567",
                    Segments = 1,
                    PartCount = 1,
                    RegisteredDelivery = 1,
                    SupplierId = supplierId,
                    PricePerSegment = 0.01m,
                    Charge = 0.01m,
                    Currency = "EUR",
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                var part = new MessagePart { Id = id, MessageId = id, PartNumber = 1, Body = body, SupplierId = supplierId };
                var started = Stopwatch.GetTimestamp();
                await writer.WriteAsync(new AcceptMessage(message, [part]));
                latencies.Add(Stopwatch.GetElapsedTime(started).Ticks);
            }

            return latencies;
        }));
        return [.. (await Task.WhenAll(tasks)).SelectMany(list => list)];
    }
}
