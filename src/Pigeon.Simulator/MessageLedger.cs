using System.Collections.Concurrent;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Simulator;

/// <summary>
/// The states of recently accepted messages, for query_sm, cancel_sm and replace_sm. Bounded: past
/// <c>capacity</c> the oldest ids are forgotten (queried, they are answered ESME_RQUERYFAIL), so a long load run
/// does not grow the simulator without end.
/// </summary>
internal sealed class MessageLedger(int capacity)
{
    private readonly ConcurrentDictionary<string, MessageState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Add(string messageId, MessageState finalState)
    {
        _states[messageId] = finalState;
        _order.Enqueue(messageId);
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _states.TryRemove(oldest, out _);
        }
    }

    public bool TryGetState(string messageId, out MessageState state) => _states.TryGetValue(messageId, out state);

    /// <summary>A message counts as pending (replaceable) until it is cancelled; the simulator delivers at once.</summary>
    public bool IsPending(string messageId) =>
        _states.TryGetValue(messageId, out var state) && state != MessageState.Deleted;

    public bool TryCancel(string messageId) =>
        _states.TryGetValue(messageId, out var state) && state != MessageState.Deleted
        && _states.TryUpdate(messageId, MessageState.Deleted, state);
}
