using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Gateway.Webhooks;
using Pigeon.Server.Core;
using Pigeon.Server.Observability;
using Pigeon.Server.Options;

namespace Pigeon.Server.Webhooks;

/// <summary>
/// Delivers the webhook outbox. Its own loop reads due events (the store keeps a message's events in order and
/// caps each customer's share of a page), starts each request as a slot frees (at most MaxConcurrentRequests, and
/// MaxConcurrentPerCustomer per customer), and a recorder writes finished attempts in batches with each event's
/// new state. An event stays "in flight" here until its attempt is recorded, so it is never sent twice at once,
/// and a message's next event becomes due only once the store has the earlier one delivered or given up.
/// Submission never waits for any of this: a dead endpoint only delays its own events, and after a restart the
/// outbox is read again where it stood (an attempt cut short by shutdown was not recorded and is made again).
/// </summary>
internal sealed class WebhookDeliveryService : BackgroundService
{
    private readonly GatewayCore _core;
    private readonly WebhookOptions _options;
    private readonly WebhookRetryPolicy _policy;
    private readonly WebhookSender _sender;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<WebhookAttempt> _finished = Channel.CreateUnbounded<WebhookAttempt>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<long> _inFlight = [];
    private readonly Dictionary<long, int> _perCustomer = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _slots;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public WebhookDeliveryService(
        GatewayCore core, IOptions<PigeonOptions> options, IHttpClientFactory clients, GatewayMetrics metrics, TimeProvider timeProvider, ILogger<WebhookDeliveryService> logger)
    {
        _core = core;
        _options = options.Value.Webhooks;
        _policy = _options.ToRetryPolicy();
        _sender = new WebhookSender(clients, timeProvider, _options.AttemptTimeout);
        _metrics = metrics;
        _time = timeProvider;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrentRequests, _options.MaxConcurrentRequests);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        WebhookLog.Started(_logger, _options.MaxConcurrentRequests, _options.MaxConcurrentPerCustomer, _options.AttemptTimeout);
        var recorder = RecordAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await StartDueAsync(stoppingToken);
                await SleepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Attempts still running are cancelled by the same token and not recorded; let the recorder write the rest.
        for (var i = 0; i < _options.MaxConcurrentRequests; i++)
        {
            await _slots.WaitAsync(CancellationToken.None);
        }

        _finished.Writer.TryComplete();
        await recorder;
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    /// <summary>Until the next poll, or until a recorded attempt may have freed a message's next event.</summary>
    private async Task SleepAsync(CancellationToken stoppingToken)
    {
        using var poll = new CancellationTokenSource(_options.PollInterval, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, stoppingToken);
        try
        {
            await _wake.Reader.WaitToReadAsync(either.Token);
            _wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task StartDueAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<DueWebhook> due;
        try
        {
            due = await _core.Store.Webhooks.ListDueAsync(_time.GetUtcNow(), _options.MaxConcurrentPerCustomer * 2, _options.MaxConcurrentRequests * 4, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WebhookLog.ReadFailed(_logger, e);
            return;
        }

        foreach (var webhook in due)
        {
            lock (_gate)
            {
                if (_inFlight.Contains(webhook.EventId) || _perCustomer.GetValueOrDefault(webhook.CustomerId) >= _options.MaxConcurrentPerCustomer)
                {
                    continue;
                }

                _inFlight.Add(webhook.EventId);
                _perCustomer[webhook.CustomerId] = _perCustomer.GetValueOrDefault(webhook.CustomerId) + 1;
            }

            await _slots.WaitAsync(stoppingToken);
            _ = AttemptAsync(webhook, stoppingToken);
        }
    }

    private async Task AttemptAsync(DueWebhook webhook, CancellationToken stoppingToken)
    {
        try
        {
            var attempt = await DecideAsync(webhook, stoppingToken);
            if (attempt is null)
            {
                Release(webhook.EventId, webhook.CustomerId);
                return;
            }

            WebhookLog.Attempted(_logger, webhook.EventId, webhook.Kind.ToWireName(), attempt.Number, attempt.Url, attempt.Outcome.ToString(), attempt.Error);
            if (attempt.Outcome == WebhookAttemptOutcome.GivenUp)
            {
                WebhookLog.GivenUp(_logger, webhook.EventId, webhook.CustomerId, attempt.Number, attempt.Error);
            }

            _metrics.WebhookAttempt(attempt.Outcome switch
            {
                WebhookAttemptOutcome.Delivered => "delivered",
                WebhookAttemptOutcome.Retrying => "failed",
                _ => "given_up",
            });
            _finished.Writer.TryWrite(attempt);
        }
        finally
        {
            // Released after the attempt is handed to the recorder, so shutdown (which takes every slot) finds it there.
            _slots.Release();
        }
    }

    /// <summary>The attempt with its outcome decided (retry time or given up); null when stopped or on a fault of ours.</summary>
    private async Task<WebhookAttempt?> DecideAsync(DueWebhook webhook, CancellationToken stoppingToken)
    {
        try
        {
            var attempt = await _sender.SendAsync(webhook, stoppingToken);
            if (attempt is not { Outcome: WebhookAttemptOutcome.Retrying })
            {
                return attempt;
            }

            var next = _policy.NextAttempt(attempt.Number, webhook.FirstAttemptAt ?? attempt.At, _time.GetUtcNow(), Random.Shared.NextDouble());
            return next is { } at ? attempt with { NextAttemptAt = at } : attempt with { Outcome = WebhookAttemptOutcome.GivenUp };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Our fault rather than the endpoint's: the event stays pending and is tried again at a later poll.
            WebhookLog.AttemptFailed(_logger, e, webhook.EventId);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Writes finished attempts in batches; an event leaves "in flight" only once its attempt is stored.</summary>
    private async Task RecordAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WebhookAttempt>();
        while (await _finished.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < 500 && _finished.Reader.TryRead(out var attempt))
            {
                batch.Add(attempt);
            }

            try
            {
                await _core.Store.Webhooks.RecordAttemptsAsync(batch, CancellationToken.None);
            }
            catch (Exception e)
            {
                WebhookLog.RecordFailed(_logger, e, batch.Count);
                if (stoppingToken.IsCancellationRequested)
                {
                    // Not written: the events are still pending in the store and are sent again after a restart.
                    return;
                }

                await Task.Delay(_options.PollInterval, _time, CancellationToken.None);
                continue;
            }

            foreach (var attempt in batch)
            {
                Release(attempt.EventId, attempt.CustomerId);
            }

            batch.Clear();
            _wake.Writer.TryWrite(true);
        }
    }

    private void Release(long eventId, long customerId)
    {
        lock (_gate)
        {
            _inFlight.Remove(eventId);
            if (_perCustomer.TryGetValue(customerId, out var count))
            {
                if (count <= 1)
                {
                    _perCustomer.Remove(customerId);
                }
                else
                {
                    _perCustomer[customerId] = count - 1;
                }
            }
        }
    }
}
