using System.Globalization;
using System.Text;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// The timer-driven half: response time-outs, idle enquire_link (section 4.11), dead-peer detection and the
/// SMSC-side bind time-out. One timer per session sweeps them all, so a request costs no timer of its own.
/// </summary>
internal sealed partial class SmppSession
{
    private static readonly TimeSpan MinimumTick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumTick = TimeSpan.FromSeconds(1);

    private readonly List<PendingRequest> _expired = [];
    private int _tickRunning;
    private int _keepAliveOutstanding;

    /// <summary>A quarter of the shortest time-out, between 10 ms and 1 s: time-outs fire within 25% late.</summary>
    private static TimeSpan HousekeepingPeriod(SmppSessionOptions options, SmppRole role)
    {
        var shortest = Min(options.ResponseTimeout, options.EnquireLinkTimeout);
        if (options.KeepAliveEnabled)
        {
            shortest = Min(shortest, options.EnquireLinkInterval);
        }

        if (role == SmppRole.Smsc)
        {
            shortest = Min(shortest, options.BindTimeout);
        }

        var tick = shortest / 4;
        return tick < MinimumTick ? MinimumTick : tick > MaximumTick ? MaximumTick : tick;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private void OnHousekeepingTick()
    {
        // A System.Threading.Timer may call again while a slow tick still runs; one sweep at a time.
        if (Interlocked.Exchange(ref _tickRunning, 1) != 0)
        {
            return;
        }

        try
        {
            var now = _time.GetTimestamp();
            ExpireOverdueRequests(now);
            var state = _state;
            if (Role == SmppRole.Smsc && state == SmppSessionState.Open
                && _time.GetElapsedTime(Volatile.Read(ref _openedTimestamp), now) >= _options.BindTimeout)
            {
                BeginClose(SmppCloseReason.BindTimeout);
                return;
            }

            if (_options.KeepAliveEnabled && BindStateRules.IsBound(state)
                && _time.GetElapsedTime(Volatile.Read(ref _lastReadTimestamp), now) >= _options.EnquireLinkInterval
                && Interlocked.CompareExchange(ref _keepAliveOutstanding, 1, 0) == 0)
            {
                _ = KeepAliveAsync();
            }
        }
        finally
        {
            Volatile.Write(ref _tickRunning, 0);
        }
    }

    /// <summary>Sends enquire_link; no answer within the enquire-link time-out closes the session as dead.</summary>
    private async Task KeepAliveAsync()
    {
        try
        {
            await SendCoreAsync(new EnquireLink(), usesWindow: false, _options.EnquireLinkTimeout, CancellationToken.None);
        }
        catch (SmppResponseTimeoutException)
        {
            SmppLog.DeadPeer(_logger, Id, RemoteEndPoint, _options.EnquireLinkTimeout);
            BeginClose(SmppCloseReason.DeadPeer);
        }
        catch (SmppException)
        {
            // The session is closing anyway.
        }
        finally
        {
            Volatile.Write(ref _keepAliveOutstanding, 0);
        }
    }

    private void ExpireOverdueRequests(long now)
    {
        Breadcrumb crumb;
        lock (_sync)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            foreach (var pending in _pending.Values)
            {
                if (pending.DeadlineTimestamp <= now)
                {
                    _expired.Add(pending);
                }
            }

            if (_expired.Count == 0)
            {
                return;
            }

            foreach (var pending in _expired)
            {
                RemovePendingLocked(pending.SequenceNumber);
            }

            crumb = TakeBreadcrumbLocked(now);
        }

        foreach (var pending in _expired)
        {
            var message = DescribeTimeout(pending, crumb, now);
            var exception = new SmppResponseTimeoutException(message, pending.CommandId, pending.SequenceNumber, pending.Timeout);
            SmppLog.ResponseTimedOut(_logger, Id, message);
            ReleaseSlot(pending.UsesWindow);
            pending.Fail(exception);
        }

        _expired.Clear();
    }

    private Breadcrumb TakeBreadcrumbLocked(long now)
    {
        PendingRequest? oldest = null;
        foreach (var pending in _pending.Values)
        {
            if (oldest is null || pending.SentTimestamp < oldest.SentTimestamp)
            {
                oldest = pending;
            }
        }

        return new Breadcrumb(
            _state,
            _pending.Count,
            oldest?.CommandId,
            oldest?.SequenceNumber ?? 0,
            oldest is null ? TimeSpan.Zero : _time.GetElapsedTime(oldest.SentTimestamp, now),
            _outbox.QueuedBytes);
    }

    private string DescribeTimeout(PendingRequest pending, Breadcrumb crumb, long now)
    {
        var text = new StringBuilder(256);
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"No response to {pending.CommandId} (sequence {pending.SequenceNumber}) within {pending.Timeout}. ");
        text.Append(culture, $"Session {Id} ({Role}, {crumb.State}) with '{PeerSystemId}' at {RemoteEndPoint?.ToString() ?? "(in-memory)"}: ");
        text.Append(culture, $"{crumb.OtherOutstanding} other requests outstanding");
        if (crumb.OldestCommand is { } oldest)
        {
            text.Append(culture, $" (oldest {oldest} sequence {crumb.OldestSequence}, sent {crumb.OldestAge} ago)");
        }

        text.Append(culture, $"; {IncomingInFlight} peer requests being handled; {crumb.QueuedBytes} bytes queued, {Sends} sends so far; ");
        text.Append(culture, $"last read from the peer {_time.GetElapsedTime(Volatile.Read(ref _lastReadTimestamp), now)} ago.");
        return text.ToString();
    }

    /// <summary>The session's state at the moment requests timed out, taken under the lock.</summary>
    private readonly record struct Breadcrumb(
        SmppSessionState State,
        int OtherOutstanding,
        CommandId? OldestCommand,
        uint OldestSequence,
        TimeSpan OldestAge,
        int QueuedBytes);
}
