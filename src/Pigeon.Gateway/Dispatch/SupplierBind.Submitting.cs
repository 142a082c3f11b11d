using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// One submit and what its answer means: accepted (stored, then settled), throttled (the bind pauses and holds the
/// part to send it again first), a temporary failure (the same, counted against the part until it fails over), or a
/// final refusal (rejected).
/// </summary>
internal sealed partial class SupplierBind
{
    private async Task SubmitAsync(SubmitAttempt attempt)
    {
        try
        {
            SubmitSmResp response;
            try
            {
                attempt.Sends++;
                _connector.Counters.Submit();
                response = await _client.SubmitAsync(SubmitSmFactory.Create(attempt.Item), CancellationToken.None);
            }
            catch (SmppLinkDownException) when (_stopping.IsCancellationRequested)
            {
                // We closed the bind: not the supplier's failure.
                Hold(attempt);
                return;
            }
            catch (ObjectDisposedException)
            {
                Hold(attempt);
                return;
            }
            catch (SmppLinkDownException ex)
            {
                await OnLinkLostAsync(attempt, Describe(ex));
                return;
            }
            catch (SmppException ex)
            {
                await OnTemporaryFailureAsync(attempt, ex.Status, Describe(ex));
                return;
            }
#pragma warning disable CA1031 // Anything else (a PDU the codec refuses, say) counts against the part, which then fails over.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                await OnTemporaryFailureAsync(attempt, null, ex.Message);
                return;
            }

            var status = response.CommandStatus;
            switch (SupplierStatusClassifier.Classify(status))
            {
                case SupplierStatusClass.Accepted:
                    _pause.Reset();
                    _window.Widen();
                    await _connector.AcceptAsync(attempt, response.MessageId);
                    break;
                case SupplierStatusClass.Throttled:
                    await OnThrottledAsync(attempt, status);
                    break;
                case SupplierStatusClass.Temporary:
                    await OnTemporaryFailureAsync(attempt, status, status.ToString());
                    break;
                default:
                    await _connector.RejectAsync(attempt, status);
                    break;
            }
        }
        catch (OperationCanceledException) when (_connector.IsDisposing)
        {
            // Shutting down while the store is failing: the part stays waiting in the store for the next start.
        }
        finally
        {
            _window.Complete();
            if (Interlocked.Decrement(ref _outstanding) == 0 && _stopping.IsCancellationRequested)
            {
                _drained.TrySetResult();
            }
        }
    }

    private async Task OnThrottledAsync(SubmitAttempt attempt, CommandStatus status)
    {
        _connector.Counters.Throttle();
        attempt.LastStatus = status;
        attempt.LastFailure = status.ToString();
        if (RetryTimeExceeded(attempt))
        {
            await _connector.FailOverAsync(attempt, $"throttled for longer than {_options.MaxRetryTime}");
            return;
        }

        var pause = _pause.Note(_options.ThrottleBackoffMin, _options.ThrottleBackoffMax);
        DispatchLog.Throttled(_logger, Supplier.Id, Index, attempt.Item.PartId.Value, status, pause);
        Hold(attempt);
    }

    private async Task OnTemporaryFailureAsync(SubmitAttempt attempt, CommandStatus? status, string failure)
    {
        _connector.Counters.TemporaryFailure();
        attempt.TemporaryFailures++;
        attempt.LastStatus = status ?? attempt.LastStatus;
        attempt.LastFailure = failure;
        if (attempt.TemporaryFailures >= _options.MaxTemporaryFailures || RetryTimeExceeded(attempt))
        {
            await _connector.FailOverAsync(attempt, $"{attempt.TemporaryFailures} temporary failures, the last: {failure}");
            return;
        }

        // No bind pause: the client reconnects with its own back-off and the part is held to go first once bound.
        // Pausing here turned one lost link into one doubling per part in flight, so a link that drops often
        // stalled its bind for many seconds with nothing wrong on the supplier's side.
        DispatchLog.TemporaryFailure(_logger, Supplier.Id, Index, attempt.Item.PartId.Value, failure, attempt.TemporaryFailures, TimeSpan.Zero);
        Hold(attempt);
    }

    /// <summary>
    /// The link went down under the part: the link failed, not the part. A supplier that drops its links under load
    /// would otherwise use up every part in flight's failure budget at once and end them REJECTD, though each would
    /// go through on the next link. So the part is held to go again first, counted only against
    /// <see cref="DispatchOptions.MaxRetryTime"/>; a supplier that stays down fails over through its unavailability.
    /// The window narrows to one (see <see cref="SubmitWindow"/>), so a supplier that drops links it finds overrun
    /// is not overrun again at once by the same parts.
    /// </summary>
    private async Task OnLinkLostAsync(SubmitAttempt attempt, string failure)
    {
        _window.Narrow();
        _connector.Counters.TemporaryFailure();
        attempt.LastFailure = failure;
        if (RetryTimeExceeded(attempt))
        {
            await _connector.FailOverAsync(attempt, $"the link kept failing for longer than {_options.MaxRetryTime}, the last time: {failure}");
            return;
        }

        // No bind pause: the client reconnects with its own back-off and the part is held to go first once bound.
        // Pausing here turned one lost link into one doubling per part in flight, so a link that drops often
        // stalled its bind for many seconds with nothing wrong on the supplier's side.
        DispatchLog.TemporaryFailure(_logger, Supplier.Id, Index, attempt.Item.PartId.Value, failure, attempt.TemporaryFailures, TimeSpan.Zero);
        Hold(attempt);
    }

    /// <summary>Notes the first failure's time and tells whether the part has been failing too long.</summary>
    private bool RetryTimeExceeded(SubmitAttempt attempt)
    {
        var now = _time.GetTimestamp();
        attempt.FirstFailureTimestamp ??= now;
        return _time.GetElapsedTime(attempt.FirstFailureTimestamp.Value, now) >= _options.MaxRetryTime;
    }

    private static string Describe(SmppException exception) => exception switch
    {
        SmppResponseTimeoutException => "no response in time",
        SmppLinkDownException => "the link went down",
        { Status: { } status } => status.ToString(),
        _ => exception.GetType().Name,
    };
}
