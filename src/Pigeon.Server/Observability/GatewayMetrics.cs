using System.Diagnostics.Metrics;
using Pigeon.Gateway.Dispatch;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Server.Observability;

/// <summary>
/// The gateway's counters on System.Diagnostics.Metrics (meter "Pigeon.Gateway"), exported at /metrics by
/// prometheus-net's meter adapter: submits accepted and refused by command_status, receipts in from suppliers and
/// out to customers, MO, dispatch outcomes, and each supplier's queue and binds as gauges.
/// </summary>
internal sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Pigeon.Gateway";

    private readonly Meter _meter;
    private readonly Counter<long> _submitsAccepted;
    private readonly Counter<long> _submitsRefused;
    private readonly Counter<long> _receiptsIn;
    private readonly Counter<long> _receiptsOut;
    private readonly Counter<long> _moIn;
    private readonly Counter<long> _moOut;
    private readonly Counter<long> _dispatchOutcomes;
    private Func<IReadOnlyList<SupplierDispatchState>> _states = static () => [];

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _submitsAccepted = _meter.CreateCounter<long>("submits_accepted", description: "Messages accepted from customers (stored and charged).");
        _submitsRefused = _meter.CreateCounter<long>("submits_refused", description: "Submissions refused, by command_status.");
        _receiptsIn = _meter.CreateCounter<long>("receipts_in", description: "Delivery receipts from suppliers, by what became of them.");
        _receiptsOut = _meter.CreateCounter<long>("receipts_out", description: "Delivery receipts acknowledged by customers.");
        _moIn = _meter.CreateCounter<long>("mo_in", description: "Mobile-originated messages from suppliers.");
        _moOut = _meter.CreateCounter<long>("mo_out", description: "Mobile-originated messages acknowledged by customers.");
        _dispatchOutcomes = _meter.CreateCounter<long>("dispatch_outcomes", description: "Parts accepted, rejected or failed over by suppliers.");
        _meter.CreateObservableGauge("supplier_queued", () => Measure(s => s.Queued), description: "Parts in each supplier's in-memory queue.");
        _meter.CreateObservableGauge("supplier_in_flight", () => Measure(s => s.InFlight), description: "Parts submitted and not answered yet, per supplier.");
        _meter.CreateObservableGauge("supplier_bound_binds", () => Measure(s => s.BoundBinds), description: "Bound binds per supplier.");
    }

    /// <summary>Where the supplier gauges read from (the dispatch coordinator, once it runs).</summary>
    public void ObserveSuppliers(Func<IReadOnlyList<SupplierDispatchState>> states) => _states = states;

    public void SubmitAccepted() => _submitsAccepted.Add(1);

    public void SubmitRefused(CommandStatus status) => _submitsRefused.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    public void ReceiptIn(string outcome) => _receiptsIn.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ReceiptOut() => _receiptsOut.Add(1);

    public void MoIn(string outcome) => _moIn.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void MoOut() => _moOut.Add(1);

    public void DispatchOutcome(string outcome) => _dispatchOutcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> Measure(Func<SupplierDispatchState, int> value) =>
        _states().Select(s => new Measurement<int>(value(s), new KeyValuePair<string, object?>("supplier", s.Name)));
}
