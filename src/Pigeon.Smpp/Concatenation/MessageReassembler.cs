using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Concatenation;

/// <summary>
/// Joins the parts of incoming concatenated messages, whichever way they are tied: a user data header with the
/// 8-bit or 16-bit reference element (3GPP TS 23.040 section 9.2.3.24), the SAR TLVs (SMPP v3.4 sections 5.3.2.22
/// to 5.3.2.24), or a message_payload that is whole already. Parts may come in any order; a repeated part is
/// ignored. Parts are keyed by the caller's prefix (e.g. a session id), source, destination, reference and total.
/// <para>
/// Memory is bounded: at most <see cref="ReassemblyOptions.MaxPendingMessages"/> incomplete messages are held, and
/// each is given up <see cref="ReassemblyOptions.Timeout"/> after its first part, on a timer from the injected
/// <see cref="TimeProvider"/>. Nothing is dropped silently: every message given up is raised through
/// <see cref="Abandoned"/>. A completed message is remembered for the same time-out (and within the same bound) so
/// that a part the SMSC sends again after completion is recognised as a duplicate rather than starting a message
/// that could never complete. Thread-safe.
/// </para>
/// </summary>
public sealed class MessageReassembler : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<PendingKey, LinkedListNode<PendingMessage>> _pending = [];
    private readonly LinkedList<PendingMessage> _oldestFirst = new();
    private readonly Dictionary<PendingKey, LinkedListNode<PendingMessage>> _completed = [];
    private readonly LinkedList<PendingMessage> _completedOldestFirst = new();
    private readonly TimeProvider _timeProvider;
    private readonly ReassemblyOptions _options;
    private readonly ITimer _timer;

    /// <summary>Creates a reassembler whose time-outs run on <paramref name="timeProvider"/>.</summary>
    public MessageReassembler(TimeProvider timeProvider, ReassemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _options = options ?? new ReassemblyOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.SweepInterval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxPendingMessages, 1, nameof(options));
        _timer = timeProvider.CreateTimer(static state => ((MessageReassembler)state!).Sweep(), this, _options.SweepInterval, _options.SweepInterval);
    }

    /// <summary>
    /// Raised for each incomplete message given up, on the thread that noticed: the sweep timer, or a caller of
    /// <see cref="Add"/> that found it expired or had to evict it. Handlers must not throw.
    /// </summary>
    public event EventHandler<IncompleteMessage>? Abandoned;

    /// <summary>Incomplete messages currently held.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Adds one received deliver_sm or submit_sm. A message that is not concatenated, or whose concatenation
    /// values 3GPP TS 23.040 says to ignore (zero parts, sequence zero or beyond the total), is complete at once.
    /// The PDU's content is kept by reference, not copied.
    /// </summary>
    public ReassemblyResult Add(ShortMessageRequest message, string? keyPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var concatenated = ConcatenationInfo.TryRead(message, out var info, out var headerLength);
        if (!concatenated || !info.IsValid || info.Total == 1)
        {
            Sweep();
            var single = concatenated && info.IsValid ? info : (ConcatenationInfo?)null;
            return new ReassemblyResult(ReassemblyStatus.Complete, Whole(message, headerLength, keyPrefix, single));
        }

        List<IncompleteMessage>? abandoned;
        PendingMessage? completed;
        ReassemblyStatus status;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            abandoned = CollectExpired(now);
            var key = new PendingKey(keyPrefix, message.Source.Value, message.Destination.Value, info.Reference, info.Total);
            status = Accept(key, info, message, headerLength, now, ref abandoned, out completed);
        }

        Raise(abandoned);
        return new ReassemblyResult(status, completed is null ? null : Join(completed));
    }

    private ReassemblyStatus Accept(
        PendingKey key, ConcatenationInfo info, ShortMessageRequest message, int headerLength, DateTimeOffset now,
        ref List<IncompleteMessage>? abandoned, out PendingMessage? completed)
    {
        completed = null;
        var slot = info.Sequence - 1;
        if (!_pending.TryGetValue(key, out var node))
        {
            if (_completed.TryGetValue(key, out var done))
            {
                // An SMSC that missed our response sends the part again, often after the message is complete.
                // Only an identical part counts as a repeat: a reused reference may well start a new message.
                if (done.Value.Parts[slot]!.Content.Span.SequenceEqual(message.Content.Span))
                {
                    return ReassemblyStatus.Duplicate;
                }

                _completed.Remove(key);
                _completedOldestFirst.Remove(done);
            }

            if (_pending.Count >= _options.MaxPendingMessages)
            {
                (abandoned ??= []).Add(Remove(_oldestFirst.First!, IncompleteReason.Evicted));
            }

            node = _oldestFirst.AddLast(new PendingMessage(key, info.Mode, now));
            _pending.Add(key, node);
        }

        var pending = node.Value;
        if (pending.Parts[slot] is not null)
        {
            return ReassemblyStatus.Duplicate;
        }

        pending.Parts[slot] = message;
        pending.HeaderLengths[slot] = headerLength;
        pending.Received++;
        if (pending.Received < pending.Parts.Length)
        {
            return ReassemblyStatus.Pending;
        }

        _pending.Remove(key);
        _oldestFirst.Remove(node);
        RememberCompleted(node, now);
        completed = pending;
        return ReassemblyStatus.Complete;
    }

    private void RememberCompleted(LinkedListNode<PendingMessage> node, DateTimeOffset now)
    {
        if (_completed.Count >= _options.MaxPendingMessages)
        {
            _completed.Remove(_completedOldestFirst.First!.Value.Key);
            _completedOldestFirst.RemoveFirst();
        }

        node.Value.CompletedAt = now;
        _completedOldestFirst.AddLast(node);
        _completed.Add(node.Value.Key, node);
    }

    /// <summary>Stops the sweep timer. Messages still pending are not reported.</summary>
    public void Dispose() => _timer.Dispose();

    private void Sweep()
    {
        List<IncompleteMessage>? abandoned;
        lock (_gate)
        {
            abandoned = CollectExpired(_timeProvider.GetUtcNow());
        }

        Raise(abandoned);
    }

    private List<IncompleteMessage>? CollectExpired(DateTimeOffset now)
    {
        while (_completedOldestFirst.First is { } done && now - done.Value.CompletedAt >= _options.Timeout)
        {
            _completed.Remove(done.Value.Key);
            _completedOldestFirst.RemoveFirst();
        }

        List<IncompleteMessage>? expired = null;
        while (_oldestFirst.First is { } oldest && now - oldest.Value.FirstReceivedAt >= _options.Timeout)
        {
            (expired ??= []).Add(Remove(oldest, IncompleteReason.TimedOut));
        }

        return expired;
    }

    private IncompleteMessage Remove(LinkedListNode<PendingMessage> node, IncompleteReason reason)
    {
        var pending = node.Value;
        _pending.Remove(pending.Key);
        _oldestFirst.Remove(node);
        var received = new List<ShortMessageRequest>(pending.Received);
        var missing = new List<int>(pending.Parts.Length - pending.Received);
        for (var i = 0; i < pending.Parts.Length; i++)
        {
            if (pending.Parts[i] is { } part)
            {
                received.Add(part);
            }
            else
            {
                missing.Add(i + 1);
            }
        }

        return new IncompleteMessage(
            reason, pending.Key.Prefix, pending.Mode, pending.Key.Reference, pending.Parts.Length, pending.FirstReceivedAt, received, missing);
    }

    private void Raise(List<IncompleteMessage>? abandoned)
    {
        if (abandoned is null)
        {
            return;
        }

        foreach (var message in abandoned)
        {
            Abandoned?.Invoke(this, message);
        }
    }

    private ReassembledMessage Whole(ShortMessageRequest message, int headerLength, string? keyPrefix, ConcatenationInfo? info)
    {
        var mode = info?.Mode ?? (message.ShortMessage.IsEmpty && message.MessagePayload is not null ? ConcatenationMode.MessagePayload : null);
        var header = message.Content[..headerLength];
        return new ReassembledMessage(keyPrefix, mode, info?.Reference, new DataCoding(message.DataCoding), UserData(message, headerLength), header, [message]);
    }

    private ReassembledMessage Join(PendingMessage pending)
    {
        var parts = new ShortMessageRequest[pending.Parts.Length];
        var total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = pending.Parts[i]!;
            total += UserDataLength(parts[i], pending.HeaderLengths[i]);
        }

        var content = new byte[total];
        var offset = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            offset += WriteUserData(parts[i], pending.HeaderLengths[i], content.AsSpan(offset));
        }

        var first = parts[0];
        return new ReassembledMessage(
            pending.Key.Prefix, pending.Mode, pending.Key.Reference, new DataCoding(first.DataCoding), content,
            first.Content[..pending.HeaderLengths[0]], parts);
    }

    private bool IsPacked(ShortMessageRequest part) =>
        _options.Gsm7Packing == Gsm7Packing.Packed && new DataCoding(part.DataCoding).Encoding == SmsEncoding.Gsm7;

    private static int FillBits(int headerLength) => headerLength > 0 ? Gsm7Packer.FillBitsAfterHeader(headerLength) : 0;

    private ReadOnlyMemory<byte> UserData(ShortMessageRequest part, int headerLength)
    {
        if (!IsPacked(part))
        {
            return part.Content[headerLength..];
        }

        var septets = new byte[UserDataLength(part, headerLength)];
        WriteUserData(part, headerLength, septets);
        return septets;
    }

    private int UserDataLength(ShortMessageRequest part, int headerLength)
    {
        var body = part.Content.Span[headerLength..];
        return IsPacked(part) ? Gsm7Packer.GetSeptetCount(body, FillBits(headerLength)) : body.Length;
    }

    private int WriteUserData(ShortMessageRequest part, int headerLength, Span<byte> destination)
    {
        var body = part.Content.Span[headerLength..];
        if (!IsPacked(part))
        {
            body.CopyTo(destination);
            return body.Length;
        }

        var fill = FillBits(headerLength);
        var count = Gsm7Packer.GetSeptetCount(body, fill);
        Gsm7Packer.Unpack(body, fill, count, destination);
        return count;
    }
}
