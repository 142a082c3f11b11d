using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Gateway.Storage;
using Pigeon.Server.Core;
using Pigeon.Server.Observability;
using Pigeon.Server.Options;

namespace Pigeon.Server.SmppFront;

/// <summary>
/// Delivers what is owed to customers from the store: receipts (<see cref="CustomerReceiptRecord"/>) to a bound
/// receiver of their SMPP account and MO to a receiver of their customer, each marked delivered only after the
/// deliver_sm_resp OK. Work is woken per account (a new receipt, a receiver bound) and swept periodically, so what
/// waited while no one was bound, or across a restart, flows on the next bind. Receipts owed longer than
/// <see cref="PigeonOptions.CustomerReceiptExpiry"/> are given up.
/// </summary>
internal sealed partial class CustomerDeliveryNotifier : BackgroundService
{
    private const int PageSize = 128;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ExpiryInterval = TimeSpan.FromMinutes(1);

    private readonly Channel<Wake> _wakes = Channel.CreateUnbounded<Wake>(new UnboundedChannelOptions { SingleReader = true });
    private readonly GatewayCore _core;
    private readonly CustomerSessionRegistry _registry;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _expiry;
    private readonly ILogger _logger;
    private readonly PendingFloor _receiptFloor = new();
    private readonly PendingFloor _moFloor = new();

    public CustomerDeliveryNotifier(GatewayCore core, CustomerSessionRegistry registry, GatewayMetrics metrics, IOptions<PigeonOptions> options, TimeProvider timeProvider, ILogger<CustomerDeliveryNotifier> logger)
    {
        _core = core;
        _registry = registry;
        _metrics = metrics;
        _time = timeProvider;
        _expiry = options.Value.CustomerReceiptExpiry;
        _logger = logger;
        _registry.ReceiverBound += account =>
        {
            WakeAccount(account);
            if (_core.Directory.FindByAccountId(account) is { } bound)
            {
                WakeCustomer(bound.Customer.Id);
            }
        };
    }

    /// <summary>An SMPP account may be owed receipts.</summary>
    public void WakeAccount(long smppAccountId) => _wakes.Writer.TryWrite(new Wake(smppAccountId, IsCustomer: false));

    /// <summary>A customer may be owed MO.</summary>
    public void WakeCustomer(long customerId) => _wakes.Writer.TryWrite(new Wake(customerId, IsCustomer: true));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = _time.GetUtcNow();
        var nextExpiry = nextSweep;
        var pending = new HashSet<Wake>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            if (now >= nextSweep)
            {
                nextSweep = now + SweepInterval;
                foreach (var account in _registry.AccountsWithReceivers())
                {
                    pending.Add(new Wake(account, IsCustomer: false));
                    if (_core.Directory.FindByAccountId(account) is { } bound)
                    {
                        pending.Add(new Wake(bound.Customer.Id, IsCustomer: true));
                    }
                }
            }

            if (now >= nextExpiry)
            {
                nextExpiry = now + ExpiryInterval;
                await ExpireAsync(now, stoppingToken);

                // Once a minute every owner is looked at from its first row again (see PendingFloor).
                _receiptFloor.Reset();
                _moFloor.Reset();
            }

            while (_wakes.Reader.TryRead(out var wake))
            {
                pending.Add(wake);
            }

            foreach (var wake in pending)
            {
                try
                {
                    await (wake.IsCustomer ? DeliverMoAsync(wake.Id, stoppingToken) : DeliverReceiptsAsync(wake.Id, stoppingToken));
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    GatewayLog.DeliveryFailed(_logger, e, wake.IsCustomer ? "customer" : "SMPP account", wake.Id);
                }
            }

            pending.Clear();
            await WaitForWakeAsync(nextSweep - _time.GetUtcNow(), stoppingToken);
        }
    }

    private async Task WaitForWakeAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(delay);
        try
        {
            await _wakes.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _core.Writer.WriteAsync(new ExpireCustomerReceipts(now - _expiry, now), cancellationToken);
            if (result.Count > 0)
            {
                GatewayLog.ReceiptsExpired(_logger, result.Count, _expiry);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            GatewayLog.DeliveryFailed(_logger, e, "expiry", 0);
        }
    }

    private readonly record struct Wake(long Id, bool IsCustomer);
}
