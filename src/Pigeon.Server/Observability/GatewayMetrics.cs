using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Pigeon.Gateway.Dispatch;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Server.Observability;

/// <summary>
/// The gateway's counters on System.Diagnostics.Metrics (meter "Pigeon.Gateway"), exported at /metrics by
/// prometheus-net's meter adapter: submits accepted and refused by command_status, receipts in from suppliers and
/// out to customers, MO, dispatch outcomes, and each supplier's queue and binds as gauges. The counts are kept here
/// and observed (observable instruments), which the adapter polls at every scrape.
/// </summary>
internal sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Pigeon.Gateway";

    private readonly Meter _meter;
    private readonly LabelledCount _submitsAccepted = new();
    private readonly LabelledCount _submitsRefused = new();
    private readonly LabelledCount _receiptsIn = new();
    private readonly LabelledCount _receiptsOut = new();
    private readonly LabelledCount _moIn = new();
    private readonly LabelledCount _moOut = new();
    private readonly LabelledCount _dispatchOutcomes = new();
    private readonly LabelledCount _webhookAttempts = new();
    private readonly LabelledCount _apiKeyStoreReads = new();
    private Func<IReadOnlyList<SupplierDispatchState>> _states = static () => [];

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Observe("submits_accepted", _submitsAccepted, "status", "Messages accepted from customers (stored and charged).");
        Observe("submits_refused", _submitsRefused, "status", "Submissions refused, by command_status.");
        Observe("receipts_in", _receiptsIn, "outcome", "Delivery receipts from suppliers, by what became of them.");
        Observe("receipts_out", _receiptsOut, "outcome", "Delivery receipts acknowledged by customers.");
        Observe("mo_in", _moIn, "outcome", "Mobile-originated messages from suppliers.");
        Observe("mo_out", _moOut, "outcome", "Mobile-originated messages acknowledged by customers.");
        Observe("dispatch_outcomes", _dispatchOutcomes, "outcome", "Parts accepted, rejected or failed over by suppliers.");
        Observe("webhook_attempts", _webhookAttempts, "outcome", "Webhook attempts: delivered, failed (to be retried), given_up.");
        Observe("api_key_store_reads", _apiKeyStoreReads, "read", "Store reads for API keys newer than the provisioning snapshot: version checks and key lists.");
        _meter.CreateObservableGauge("supplier_queued", () => Measure(s => s.Queued), description: "Parts in each supplier's in-memory queue.");
        _meter.CreateObservableGauge("supplier_in_flight", () => Measure(s => s.InFlight), description: "Parts submitted and not answered yet, per supplier.");
        _meter.CreateObservableGauge("supplier_bound_binds", () => Measure(s => s.BoundBinds), description: "Bound binds per supplier.");
    }

    /// <summary>Where the supplier gauges read from (the dispatch coordinator, once it runs).</summary>
    public void ObserveSuppliers(Func<IReadOnlyList<SupplierDispatchState>> states) => _states = states;

    public void SubmitAccepted() => _submitsAccepted.Add("ok");

    public void SubmitRefused(CommandStatus status) => _submitsRefused.Add(status.ToString());

    public void ReceiptIn(string outcome) => _receiptsIn.Add(outcome);

    public void ReceiptOut() => _receiptsOut.Add("delivered");

    public void MoIn(string outcome) => _moIn.Add(outcome);

    public void MoOut() => _moOut.Add("delivered");

    public void DispatchOutcome(string outcome) => _dispatchOutcomes.Add(outcome);

    public void WebhookAttempt(string outcome) => _webhookAttempts.Add(outcome);

    public void ApiKeyStoreRead(string read) => _apiKeyStoreReads.Add(read);

    public void Dispose() => _meter.Dispose();

    private void Observe(string name, LabelledCount count, string label, string description) =>
        _meter.CreateObservableCounter(name, () => count.Measure(label), description: description);

    private IEnumerable<Measurement<int>> Measure(Func<SupplierDispatchState, int> value) =>
        _states().Select(s => new Measurement<int>(value(s), new KeyValuePair<string, object?>("supplier", s.Name)));

    /// <summary>Counts by one label value; lock-free increments.</summary>
    private sealed class LabelledCount
    {
        private readonly ConcurrentDictionary<string, StrongBox<long>> _counts = new(StringComparer.Ordinal);

        public void Add(string value) => Interlocked.Increment(ref _counts.GetOrAdd(value, static _ => new StrongBox<long>()).Value);

        public IEnumerable<Measurement<long>> Measure(string label) =>
            _counts.Select(c => new Measurement<long>(Interlocked.Read(ref c.Value.Value), new KeyValuePair<string, object?>(label, c.Key)));
    }
}
