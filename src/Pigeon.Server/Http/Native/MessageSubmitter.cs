using System.Text.Json;
using Pigeon.Gateway.Submission;
using Pigeon.Server.Core;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// Sends the messages of one request through <see cref="MessageAcceptance"/>, all at once (they share group
/// commits), and turns the outcomes into the answer: 201 when every recipient was accepted, 200 when some were
/// (each result says which), and a problem when none was: the refusal's own code and status when all share one
/// reason, <c>messages_refused</c> (422) when they differ, <c>store_unavailable</c> (503) when nothing could be stored.
/// </summary>
internal sealed class MessageSubmitter(MessageAcceptance acceptance)
{
    /// <summary>
    /// Plans, stores and queues every recipient of every message for <paramref name="caller"/>; null when not one
    /// could be stored (a server error: nothing was charged, the request may be retried as it is).
    /// </summary>
    public async Task<NativeAnswer?> SubmitAsync(ApiCaller caller, IReadOnlyList<SendMessageRequest> messages, CancellationToken cancellationToken)
    {
        var now = acceptance.Time.GetUtcNow();
        var account = caller.Account;
        var pending = new List<(string To, SendMessageRequest Message, Task<AcceptanceOutcome> Outcome)>();
        foreach (var message in messages)
        {
            var from = message.From ?? (account.Senders.Count == 1 ? account.Senders.First() : string.Empty);
            var sendAt = message.SendAt;
            DateTimeOffset? validUntil = message.Validity is { } seconds ? (sendAt > now ? sendAt.Value : now).AddSeconds(seconds) : null;
            foreach (var to in message.To)
            {
                var request = new SubmissionRequest
                {
                    Destination = new SmppAddress(0, 0, to),
                    Source = new SmppAddress(0, 0, from),
                    Text = message.Text,
                    RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
                    ClientReference = message.ClientReference,
                    ValidUntil = validUntil,
                    ScheduledAt = sendAt,
                    CallbackUrl = message.CallbackUrl?.AbsoluteUri,
                };

                // Started together, awaited after: the acceptances of one request share group commits.
                pending.Add((to, message, acceptance.AcceptAsync(account, request, cancellationToken).AsTask()));
            }
        }

        await Task.WhenAll(pending.Select(p => p.Outcome));
        var results = new List<MessageResult>(pending.Count);
        var accepted = 0;
        var failed = 0;
        var total = 0m;
        var refusals = new HashSet<RefusalReason>();
        foreach (var (to, message, task) in pending)
        {
            var outcome = task.Result;
            if (outcome.IsAccepted)
            {
                var plan = outcome.Plan;
                accepted++;
                total += plan.Charge.Amount;
                results.Add(new MessageResult
                {
                    Id = outcome.IdText,
                    To = NativeWords.Number(plan.Destination, plan.DestinationKind == NumberKind.International),
                    Status = "accepted",
                    Segments = plan.Segments,
                    Encoding = NativeWords.Encoding(plan.Encoding),
                    Price = NativeWords.Money(plan.Charge.Amount),
                    PricePerSegment = NativeWords.Money(plan.Charge.PricePerSegment),
                    Currency = plan.Charge.Currency,
                    ClientReference = plan.ClientReference,
                    SendAt = plan.ScheduledAt?.ToUniversalTime(),
                    ValidUntil = plan.ValidUntil.ToUniversalTime(),
                });
            }
            else if (outcome.Refusal is { } refusal)
            {
                refusals.Add(refusal.Reason);
                results.Add(new MessageResult { To = to, Status = "refused", Code = refusal.Code, Detail = refusal.Message, ClientReference = message.ClientReference });
            }
            else
            {
                failed++;
                results.Add(new MessageResult { To = to, Status = "failed", Code = "store_unavailable", Detail = "The message could not be stored; nothing was charged. Retry it.", ClientReference = message.ClientReference });
            }
        }

        if (accepted > 0)
        {
            var response = new SendMessagesResponse
            {
                Messages = results,
                Accepted = accepted,
                Refused = results.Count - accepted,
                TotalPrice = NativeWords.Money(total),
                Currency = caller.Customer.Currency,
            };
            return new NativeAnswer(accepted == results.Count ? 201 : 200, JsonSerializer.Serialize(response, NativeJsonContext.Answers.SendMessagesResponse));
        }

        if (failed == results.Count)
        {
            return null;
        }

        var problem = refusals.Count == 1 && failed == 0
            ? Refused(refusals.First().ToCode(), refusals.First().ToHttpStatus(), results)
            : Refused("messages_refused", 422, results);
        return new NativeAnswer(problem.Status, JsonSerializer.Serialize(problem, NativeJsonContext.Answers.RefusedMessagesProblem));
    }

    private static RefusedMessagesProblem Refused(string code, int status, List<MessageResult> results) => new()
    {
        Type = "urn:pigeon:problem:" + code,
        Title = results.Count == 1 ? "The message was refused." : "Every message was refused.",
        Status = status,
        Detail = results.Count == 1 ? results[0].Detail : "See 'messages' for each recipient's reason.",
        Code = code,
        Messages = results,
    };
}
