using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Pigeon.Gateway.Storage;
using Pigeon.Server.Core;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// Keeps csms_id unique per customer per UTC day (seed document 4.1.1), across requests, concurrency and restarts.
/// A used id is a keyed request in the store (<see cref="RememberRequest"/>, key <c>002:yyyy-MM-dd:&lt;csms_id&gt;</c>,
/// scoped to the customer), written after the request's messages. In memory, today's ids are held from the moment a
/// request claims one, so two concurrent requests with one id cannot both run and a repeat is answered without
/// reading the store. The ids an earlier run kept today are read into memory once (at the day's first request), so
/// the store is read per id only when they did not fit in memory.
/// Memory is bounded: only today's ids (dropped when the UTC day changes), at most <see cref="Capacity"/> kept
/// ones; past that the store answers for the day.
/// </summary>
internal sealed class CsmsIdRegister
{
    /// <summary>Kept ids held in memory per day before the store alone answers for older ones.</summary>
    public const int Capacity = 200_000;

    private const byte Claimed = 0;
    private const byte Kept = 1;

    private readonly GatewayCore _core;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DateTimeOffset _startedAt;
    private Day _today;

    public CsmsIdRegister(GatewayCore core, TimeProvider timeProvider, ILogger logger)
    {
        _core = core;
        _time = timeProvider;
        _logger = logger;
        _startedAt = timeProvider.GetUtcNow();
        _today = new Day(DateOnly.FromDateTime(_startedAt.UtcDateTime), complete: false);
    }

    /// <summary>The store key of <paramref name="csmsId"/> on <paramref name="day"/>.</summary>
    public static string KeyOf(DateOnly day, string csmsId) => string.Create(CultureInfo.InvariantCulture, $"002:{day:yyyy-MM-dd}:{csmsId}");

    /// <summary>
    /// Claims <paramref name="csmsId"/> for <paramref name="customerId"/> today; null when it is taken (used today,
    /// or held by a request running now).
    /// </summary>
    public async ValueTask<CsmsIdClaim?> TryClaimAsync(long customerId, string csmsId, CancellationToken cancellationToken)
    {
        var day = Today();
        await day.LoadOnceAsync(LoadAsync);
        var key = KeyOf(day.Date, csmsId);
        if (!day.Ids.TryAdd((customerId, key), Claimed))
        {
            return null;
        }

        var claim = new CsmsIdClaim(customerId, key, day);
        if (day.Complete)
        {
            return claim;
        }

        RequestRecord? used;
        try
        {
            used = await _core.Store.Messages.FindRequestAsync(customerId, key, cancellationToken);
        }
        catch
        {
            Release(claim);
            throw;
        }

        if (used is null)
        {
            return claim;
        }

        day.Ids[(customerId, key)] = Kept;
        return null;
    }

    /// <summary>Lets a claimed id go: nothing was sent with it.</summary>
    public static void Release(CsmsIdClaim claim) => claim.Day.Ids.TryRemove((claim.CustomerId, claim.Key), out _);

    /// <summary>
    /// The record that keeps <paramref name="claim"/> used, to be stored in its message's own transaction
    /// (<see cref="MessageAcceptance.AcceptAsync(Gateway.Submission.SubmittingAccount, Gateway.Submission.SubmissionRequest, RequestRecord?, CancellationToken)"/>);
    /// call <see cref="MarkKept"/> once that message is stored.
    /// </summary>
    public RequestRecord RecordOf(CsmsIdClaim claim, string fingerprint) => new()
    {
        CustomerId = claim.CustomerId,
        Key = claim.Key,
        Fingerprint = fingerprint,
        StatusCode = 200,
        CreatedAt = _time.GetUtcNow(),
    };

    /// <summary>Remembers in memory that <paramref name="claim"/>'s id is used (the store has it already).</summary>
    public static void MarkKept(CsmsIdClaim claim)
    {
        var day = claim.Day;
        if (day.Ids.Count <= Capacity)
        {
            day.Ids[(claim.CustomerId, claim.Key)] = Kept;
        }
        else
        {
            // Memory is full for today: the store answers for this id from now on.
            day.Complete = false;
            day.Ids.TryRemove((claim.CustomerId, claim.Key), out _);
        }
    }

    /// <summary>
    /// Records the id as used, after its messages were stored; returns once the record is committed. The messages
    /// are sent whatever happens here: when the record cannot be written, memory keeps the id for this run.
    /// </summary>
    public async ValueTask KeepAsync(CsmsIdClaim claim, string fingerprint, string response)
    {
        var day = claim.Day;
        try
        {
            await _core.Writer.WriteAsync(
                new RememberRequest(new RequestRecord
                {
                    CustomerId = claim.CustomerId,
                    Key = claim.Key,
                    Fingerprint = fingerprint,
                    StatusCode = 200,
                    Response = response,
                    CreatedAt = _time.GetUtcNow(),
                }),
                CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Dialect002Log.KeepFailed(_logger, e, claim.CustomerId);
            day.Ids[(claim.CustomerId, claim.Key)] = Kept;
            return;
        }

        if (day.Ids.Count <= Capacity)
        {
            day.Ids[(claim.CustomerId, claim.Key)] = Kept;
        }
        else
        {
            // Memory is full for today: the store answers for this id from now on.
            day.Complete = false;
            day.Ids.TryRemove((claim.CustomerId, claim.Key), out _);
        }
    }

    private Day Today()
    {
        var now = _time.GetUtcNow();
        var date = DateOnly.FromDateTime(now.UtcDateTime);
        var today = Volatile.Read(ref _today);
        if (today.Date == date)
        {
            return today;
        }

        // A new day: yesterday's ids can no longer clash (the date is in the key), so they are dropped. Memory holds
        // all of the new day's ids when this run started before the day did.
        var dayStart = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var fresh = new Day(date, complete: _startedAt < dayStart);
        var seen = Interlocked.CompareExchange(ref _today, fresh, today);
        return seen == today ? fresh : seen;
    }

    /// <summary>
    /// Reads the day's ids an earlier run kept into memory, once, so that a restart during the day does not cost a
    /// store read per request: when they fit in <see cref="Capacity"/> memory holds all of them and the day is
    /// complete; otherwise (or when the read fails) the store goes on answering for ids not in memory.
    /// </summary>
    private async Task LoadAsync(Day day)
    {
        if (day.Complete)
        {
            return;
        }

        try
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"002:{day.Date:yyyy-MM-dd}:");
            var kept = await _core.Store.Messages.ListRequestKeysAsync(prefix, Capacity + 1, CancellationToken.None);
            if (kept.Count > Capacity)
            {
                return;
            }

            foreach (var id in kept)
            {
                day.Ids.TryAdd(id, Kept);
            }

            day.Complete = true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Dialect002Log.LoadFailed(_logger, e, day.Date);
        }
    }

    /// <summary>The ids of one UTC day held in memory: claimed (a request runs) or kept (used).</summary>
    internal sealed class Day(DateOnly date, bool complete)
    {
        private readonly Lock _loadLock = new();
        private Task? _loading;

        /// <summary>Runs <paramref name="load"/> for this day once; every caller waits for that one run.</summary>
        public Task LoadOnceAsync(Func<Day, Task> load)
        {
            if (Volatile.Read(ref _loading) is { } loading)
            {
                return loading;
            }

            lock (_loadLock)
            {
                return _loading ??= load(this);
            }
        }

        public DateOnly Date { get; } = date;

        public ConcurrentDictionary<(long CustomerId, string Key), byte> Ids { get; } = new();

        /// <summary>True while memory holds every id used this day, so a miss needs no store read.</summary>
        public bool Complete
        {
            get => Volatile.Read(ref _complete);
            set => Volatile.Write(ref _complete, value);
        }

        private bool _complete = complete;
    }
}
