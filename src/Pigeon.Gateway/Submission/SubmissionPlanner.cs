using Pigeon.Gateway.Limits;
using Pigeon.Gateway.Routing;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// Decides what happens to one submission, without storage or sockets: accepted with a plan to store, or refused
/// with a status, a code and a sentence. The steps, cheapest first, the first failure ending it:
/// <code>
/// 1 account     customer active, SMPP account's submit_enabled       CustomerNotActive, SubmitDisabled
/// 2 limits      the SMPP account's TPS (TpsLimiter)                   Throttled
/// 3 validation  SubmissionValidator                                   (its table)
/// 4 destination PhoneNumberNormalizer in the customer's country       InvalidDestination, ...TooShort, ...
///               the block list (operator-wide and the customer's)     DestinationBlocked
/// 5 sender      the sender rule of SubmittingAccount                  SenderNotAllowed, InvalidSource
/// 6 CUG         the SMPP account's closed user group                  DestinationNotInClosedUserGroup
/// 7 content     one part as the customer sent it (UDH or SAR), or     MessageTooLong
///               split with MessageSplitter (8-bit UDH by default)
/// 8 route       RouteTable: longest prefix, customer's own first      NoRoute
/// 9 price       price per segment × segments, customer's currency     CurrencyMismatch
/// 10 charge     BalanceBook.TryReserve                                InsufficientBalance, BalanceUnavailable
/// </code>
/// A request refused at step 3 or later has used up its TPS token: refusals cost the customer's rate as
/// acceptances do, so a client cannot probe faster than its limit. Only step 10 changes state outside the
/// planner, and only on acceptance: the caller commits the plan to the store and keeps the reservation, or refunds
/// it. Thread-safe.
/// </summary>
public sealed class SubmissionPlanner
{
    private readonly PhoneNumberNormalizer _normalizer;
    private readonly BalanceBook _balances;
    private readonly TpsLimiter _tpsLimiter;
    private readonly TimeProvider _timeProvider;
    private readonly SubmissionOptions _options;
    private readonly SubmissionValidator _validator;
    private int _reference;

    /// <summary>Creates a planner over the shared normaliser, balance book and TPS limiter.</summary>
    /// <exception cref="ArgumentException">The options ask for message_payload concatenation, which a part cannot be stored as.</exception>
    public SubmissionPlanner(PhoneNumberNormalizer normalizer, BalanceBook balances, TpsLimiter tpsLimiter, TimeProvider timeProvider, SubmissionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(tpsLimiter);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options ?? new SubmissionOptions();
        if (_options.ConcatenationMode == ConcatenationMode.MessagePayload)
        {
            throw new ArgumentException("Pigeon splits into parts of one SMS each; message_payload is not a way to split.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxSegments, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MaxSegments, MessageSplitter.MaxParts, nameof(options));
        _normalizer = normalizer;
        _balances = balances;
        _tpsLimiter = tpsLimiter;
        _timeProvider = timeProvider;
        _validator = new SubmissionValidator(_options);
    }

    /// <summary>Plans <paramref name="request"/> from <paramref name="account"/> on the routes of <paramref name="routes"/>.</summary>
    public SubmissionPlanResult Plan(SubmissionRequest request, SubmittingAccount account, RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(routes);
        var customer = account.Customer;
        var smpp = account.SmppAccount;
        if (customer.Status != Accounts.CustomerStatus.Active)
        {
            return SubmissionPlanResult.Refuse(RefusalReason.CustomerNotActive, $"Customer {customer.Name} is {customer.Status}.");
        }

        if (smpp is { SubmitEnabled: false })
        {
            return SubmissionPlanResult.Refuse(RefusalReason.SubmitDisabled, $"Submitting is disabled for {smpp.SystemId}.");
        }

        if (smpp is { Tps: > 0 } && !_tpsLimiter.TryAcquire(smpp.Id, smpp.Tps))
        {
            return SubmissionPlanResult.Refuse(RefusalReason.Throttled, $"{smpp.SystemId} is limited to {smpp.Tps} messages per second.");
        }

        var now = _timeProvider.GetUtcNow();
        if (_validator.Validate(request, now) is { } invalid)
        {
            return SubmissionPlanResult.Refuse(invalid);
        }

        var destination = _normalizer.Normalize(request.Destination, customer.Country);
        if (!destination.Succeeded)
        {
            return SubmissionPlanResult.Refuse(
                RefusalReasons.ForDestination(destination.Failure),
                $"Destination \"{request.Destination.Value}\" cannot be used: {destination.Failure}.");
        }

        if (account.BlockedDestinations.IsBlocked(destination.Number, customer.Id))
        {
            return SubmissionPlanResult.Refuse(RefusalReason.DestinationBlocked, $"{destination.Number} is blocked.");
        }

        if (SenderResolution.Resolve(request.Source, account, out var source) is { } senderRefused)
        {
            return SubmissionPlanResult.Refuse(senderRefused);
        }

        if (!account.ClosedUserGroup.Allows(destination.Number))
        {
            return SubmissionPlanResult.Refuse(RefusalReason.DestinationNotInClosedUserGroup, $"{destination.Number} is outside the account's closed user group.");
        }

        if (BuildContent(request) is not { } content)
        {
            return SubmissionPlanResult.Refuse(RefusalReason.MessageTooLong, $"The message needs more than {_options.MaxSegments} segments.");
        }

        if (!routes.TryFind(destination.Number, customer.Id, out var route))
        {
            return SubmissionPlanResult.Refuse(RefusalReason.NoRoute, $"No route covers {destination.Number}.");
        }

        var segments = content.Parts.Length;
        if (!ChargeCalculator.TryCalculate(route.Route, segments, customer.Currency, out var charge))
        {
            return SubmissionPlanResult.Refuse(
                RefusalReason.CurrencyMismatch,
                $"Route {route.Route.Id} is priced in {route.Route.Currency}; customer {customer.Name} pays in {customer.Currency}.");
        }

        switch (_balances.TryReserve(customer.Id, charge.Amount, out var reservation))
        {
            case ReserveOutcome.Insufficient:
                return SubmissionPlanResult.Refuse(RefusalReason.InsufficientBalance, $"The balance does not cover {charge.Amount} {charge.Currency}.");
            case ReserveOutcome.UnknownCustomer:
                return SubmissionPlanResult.Refuse(RefusalReason.BalanceUnavailable, $"The balance of customer {customer.Id} is not loaded.");
        }

        var longest = now + _options.MaxValidity;
        var validUntil = request.ValidUntil ?? now + _options.DefaultValidity;
        return SubmissionPlanResult.Accept(new SubmissionPlan
        {
            CustomerId = customer.Id,
            SmppAccountId = smpp?.Id,
            Source = source,
            Destination = destination.Number,
            DestinationKind = destination.Kind,
            DataCoding = content.DataCoding,
            Encoding = content.Encoding,
            Segments = segments,
            Parts = content.Parts,
            Route = route,
            Charge = charge,
            Reservation = reservation,
            RegisteredDelivery = request.RegisteredDelivery,
            ValidUntil = validUntil < longest ? validUntil : longest,
            ScheduledAt = request.ScheduledAt > now ? request.ScheduledAt : null,
            ClientReference = request.ClientReference,
            CallbackUrl = request.CallbackUrl,
        });
    }

    /// <summary>The parts to send, or null when the message needs more than the allowed segments.</summary>
    private Content? BuildContent(SubmissionRequest request)
    {
        var replyPath = request.EsmClass & EsmClass.ReplyPath;
        var mode = _options.ConcatenationMode;
        if (request.Text is { } text)
        {
            var encoding = request.TextEncoding ?? SmsText.ChooseEncoding(text, _options.AllowLatin1ForText);
            if (MessageSplitter.Measure(text, mode, encoding).Segments > _options.MaxSegments)
            {
                return null;
            }

            var split = MessageSplitter.Split(text, mode, NextReference(), encoding);
            return new Content(split.DataCoding.Value, encoding, ToParts(split, replyPath));
        }

        var dataCoding = new DataCoding(request.DataCoding);
        var content = request.Content;
        var udhi = request.EsmClass & EsmClass.UdhIndicator;
        if (udhi != 0 || request.SarTotalSegments is not null)
        {
            // One part of a message the customer concatenated itself: passed through as it came.
            var part = new PlannedPart(1, content.ToArray(), udhi | replyPath, request.DataCoding, request.SarReference, request.SarTotalSegments, request.SarSegmentNumber);
            return new Content(request.DataCoding, dataCoding.Encoding, [part]);
        }

        var unitsPerPart = dataCoding.Encoding == SmsEncoding.Gsm7 ? 153 : 134;
        if (!SubmissionValidator.FitsOneMessage(content.Length, dataCoding.Encoding, 0) && content.Length > _options.MaxSegments * unitsPerPart)
        {
            return null;
        }

        SplitMessage parts;
        try
        {
            parts = MessageSplitter.Split(content.Span, dataCoding, mode, NextReference());
        }
        catch (ArgumentException)
        {
            // More than 255 parts after all (escapes or surrogate pairs kept whole); the check above catches the rest.
            return null;
        }

        return parts.Parts.Count > _options.MaxSegments ? null : new Content(request.DataCoding, dataCoding.Encoding, ToParts(parts, replyPath));
    }

    private static PlannedPart[] ToParts(SplitMessage split, EsmClass replyPath)
    {
        var udh = split.IsConcatenated && split.Mode is ConcatenationMode.UdhReference8 or ConcatenationMode.UdhReference16;
        var sar = split.IsConcatenated && split.Mode == ConcatenationMode.Sar;
        var esmClass = replyPath | (udh ? EsmClass.UdhIndicator : EsmClass.Default);
        var parts = new PlannedPart[split.Parts.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = sar
                ? new PlannedPart(i + 1, split.Parts[i].ToArray(), esmClass, split.DataCoding.Value, split.Reference, (byte)parts.Length, (byte)(i + 1))
                : new PlannedPart(i + 1, split.Parts[i].ToArray(), esmClass, split.DataCoding.Value);
        }

        return parts;
    }

    /// <summary>A concatenation reference: a counter, cut to 8 bits for the 8-bit header.</summary>
    private ushort NextReference()
    {
        var next = (ushort)Interlocked.Increment(ref _reference);
        return _options.ConcatenationMode == ConcatenationMode.UdhReference8 ? (byte)next : next;
    }

    private sealed record Content(byte DataCoding, SmsEncoding Encoding, PlannedPart[] Parts);
}
