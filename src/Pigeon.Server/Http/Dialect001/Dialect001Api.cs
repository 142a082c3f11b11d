using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Limits;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Submission;
using Pigeon.Server.Core;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// The four operations of dialect 001 (send, status, senders, balance) and its authentication, whatever the wire
/// form (<see cref="Dialect001JsonFront"/>, <see cref="Dialect001XmlFront"/>). A thin translation onto the one
/// submission pipeline (<see cref="MessageAcceptance"/>): the only rules of its own are the document's (at most
/// <see cref="MaxPhones"/> numbers or ids, an alphanumeric src_addr, the 453 repeat window) and the key's own
/// message rate (<see cref="Pigeon.Gateway.Accounts.ApiKey.Tps"/>).
/// </summary>
internal sealed class Dialect001Api
{
    /// <summary>Most numbers in one send, and most ids in one status request (the document's limit).</summary>
    public const int MaxPhones = 100;

    /// <summary>Most characters of an integration_id.</summary>
    public const int MaxIntegrationIdLength = 64;

    private const int MaxPhoneLength = 21;
    private static readonly TimeSpan ThrottledRetryAfter = TimeSpan.FromSeconds(1);

    private readonly GatewayCore _core;
    private readonly MessageAcceptance _acceptance;
    private readonly ApiKeyAuthenticator _authenticator;
    private readonly ApiRequestLimiter _requests;
    private readonly TpsLimiter _keyRates;
    private readonly DuplicateSendWindow _duplicates;

    public Dialect001Api(GatewayCore core, MessageAcceptance acceptance, ApiKeyAuthenticator authenticator, ApiRequestLimiter requests, [FromKeyedServices(ApiKeyMessageRate.ServiceKey)] TpsLimiter keyRates, TimeProvider timeProvider)
    {
        _core = core;
        _acceptance = acceptance;
        _authenticator = authenticator;
        _requests = requests;
        _keyRates = keyRates;
        _duplicates = new DuplicateSendWindow(timeProvider);
    }

    /// <summary>
    /// Checks the credentials and takes one request from the key's request rate. Basic needs the customer's name as
    /// the user; every failure is 401 (the document has no 403), told apart by its code; over the rate is 429.
    /// </summary>
    public async ValueTask<(ApiCaller? Caller, Dialect001Error? Error)> AuthenticateAsync(Dialect001Credentials credentials, IPAddress? remote, CancellationToken cancellationToken)
    {
        if (!credentials.Presented)
        {
            return (null, Dialect001Error.Authentication("authentication_required", "Send 'Authorization: Basic' (customer name and API key) or 'Authorization: Bearer <API key>'."));
        }

        if (credentials.Malformed)
        {
            return (null, Dialect001Error.Authentication("invalid_credentials", "The credentials are malformed."));
        }

        var (check, caller) = await _authenticator.AuthenticateAsync(credentials.Token, remote, cancellationToken);
        var error = check switch
        {
            ApiKeyCheck.Accepted when credentials.User is { } user && !string.Equals(user, caller!.Customer.Name, StringComparison.Ordinal) =>
                Dialect001Error.Authentication("invalid_credentials", "The user name is not the API key's customer."),
            ApiKeyCheck.Accepted => null,
            ApiKeyCheck.Revoked => Dialect001Error.Authentication("api_key_revoked", "This API key was revoked."),
            ApiKeyCheck.AddressNotAllowed => Dialect001Error.Authentication("address_not_allowed", "This API key may not be used from this address."),
            ApiKeyCheck.CustomerNotActive => Dialect001Error.Authentication("customer_not_active", "The account of this API key is suspended or closed."),
            ApiKeyCheck.NotACustomerKey => Dialect001Error.Authentication("not_a_customer_key", "An operator key acts for no customer; use a customer's API key."),
            _ => Dialect001Error.Authentication("invalid_credentials", "The API key is not valid."),
        };
        if (error is not null)
        {
            return (null, error);
        }

        if (!_requests.TryTake(caller!.Key.Id, out var retryAfter))
        {
            return (null, new Dialect001Error(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests for this API key.", retryAfter));
        }

        return (caller, null);
    }

    /// <summary>
    /// Sends one text to each number. Malformed input, a sender that is not the customer's alphanumeric name, or a
    /// repeat within two minutes refuses the whole request (nothing sent). Otherwise every number goes through the
    /// pipeline at once; numbers it refuses are reported beside those sent, and a request none of whose numbers
    /// was sent answers the first refusal as its error.
    /// </summary>
    public async ValueTask<Dialect001SendResult> SendAsync(ApiCaller caller, Dialect001SendCommand command, CancellationToken cancellationToken)
    {
        if (Check(caller, command) is { } invalid)
        {
            return Dialect001SendResult.Failed(invalid);
        }

        var phones = command.Phones!;
        var numbers = new string[phones.Count];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = phones[i]!;
        }

        var text = command.Message!;
        var textHash = DuplicateSendWindow.HashOf(text);
        if (!_duplicates.TryReserve(caller.CustomerId, numbers, textHash, out var repeated))
        {
            return Dialect001SendResult.Failed(new Dialect001Error(
                Dialect001Error.DuplicateStatus, "duplicate_message", $"The same text went to {repeated} less than {DuplicateSendWindow.Window.TotalMinutes:0} minutes ago (or is in this request twice)."));
        }

        var allowed = 0;
        while (allowed < numbers.Length && _keyRates.TryAcquire(caller.Key.Id, caller.Key.Tps))
        {
            allowed++;
        }

        if (allowed == 0)
        {
            Release(caller, numbers, 0, textHash);
            return Dialect001SendResult.Failed(Throttled());
        }

        // All of the request's acceptances run at once: they share group commits instead of waiting for each other's.
        var pending = new ValueTask<AcceptanceOutcome>[allowed];
        for (var i = 0; i < allowed; i++)
        {
#pragma warning disable CA2012 // Kept to be awaited once each, just below, after all of them have started.
            pending[i] = _acceptance.AcceptAsync(caller.Account, RequestFor(command.SourceAddress!, numbers[i], text, command.IntegrationId), cancellationToken);
#pragma warning restore CA2012
        }

        var sent = new List<KeyValuePair<string, string>>(allowed);
        var refused = new List<KeyValuePair<string, string>>();
        Dialect001Error? firstRefusal = null;
        for (var i = 0; i < allowed; i++)
        {
            var outcome = await pending[i];
            if (outcome.IsAccepted)
            {
                sent.Add(new(outcome.IdText, numbers[i]));
                continue;
            }

            _duplicates.Release(caller.CustomerId, numbers[i], textHash);
            var error = ErrorOf(outcome);
            refused.Add(new(numbers[i], error.Code));
            firstRefusal ??= error;
        }

        if (allowed < numbers.Length)
        {
            Release(caller, numbers, allowed, textHash);
            for (var i = allowed; i < numbers.Length; i++)
            {
                refused.Add(new(numbers[i], "throttled"));
            }

            firstRefusal ??= Throttled();
        }

        return sent.Count == 0 ? Dialect001SendResult.Failed(firstRefusal!) : new Dialect001SendResult(sent, refused, null);
    }

    /// <summary>The status of each id asked for that is one of the caller's messages; the others as unknown.</summary>
    public async ValueTask<Dialect001StatusResult> StatusAsync(ApiCaller caller, IReadOnlyList<string?>? ids, CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0)
        {
            return Dialect001StatusResult.Failed(Dialect001Error.Validation("id_sms_required", "id_sms must be an array of 1 to 100 message ids."));
        }

        if (ids.Count > MaxPhones)
        {
            return Dialect001StatusResult.Failed(Dialect001Error.Validation("too_many_ids", $"id_sms holds {ids.Count} ids; at most {MaxPhones} are allowed."));
        }

        var asked = new List<MessageId>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is not { } text || !MessageId.TryParse(text, out var id))
            {
                return Dialect001StatusResult.Failed(Dialect001Error.Validation("invalid_id", $"id_sms[{i}] is not a message id: ids are the decimal numbers send answered."));
            }

            if (!asked.Contains(id))
            {
                asked.Add(id);
            }
        }

        var found = await _core.Store.Messages.GetCustomerMessagesAsync(caller.CustomerId, asked, cancellationToken);
        var byId = found.ToDictionary(m => m.Id);
        var states = new List<Dialect001MessageState>(found.Count);
        var unknown = new List<string>();
        foreach (var id in asked)
        {
            var text = id.Value.ToString(CultureInfo.InvariantCulture);
            if (byId.TryGetValue(id, out var message))
            {
                states.Add(new Dialect001MessageState(text, Dialect001StatusWords.Of(message.Status), message.ClientReference));
            }
            else
            {
                unknown.Add(text);
            }
        }

        return new Dialect001StatusResult(states, unknown, null);
    }

    /// <summary>The customer's active alphanumeric sender names, in ordinal order.</summary>
    public static IReadOnlyList<string> Senders(ApiCaller caller)
    {
        var names = caller.Account.Senders.Where(IsAlphanumericName).ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>The customer's balance now (as the pipeline charges it), four decimals, and its currency.</summary>
    public (Dialect001Balance? Balance, Dialect001Error? Error) Balance(ApiCaller caller) =>
        _core.Balances.TryGetBalance(caller.CustomerId, out var money)
            ? (new Dialect001Balance(money.ToString("0.0000", CultureInfo.InvariantCulture), caller.Customer.Currency), null)
            : (null, Dialect001Error.Unavailable("balance_unavailable", "The balance is not available right now; try again later."));

    /// <summary>A name with something besides digits and a leading '+': what the document calls an alpha name.</summary>
    public static bool IsAlphanumericName(string sender) => sender.AsSpan().TrimStart('+').ContainsAnyExceptInRange('0', '9');

    private static Dialect001Error? Check(ApiCaller caller, Dialect001SendCommand command)
    {
        if (string.IsNullOrEmpty(command.SourceAddress))
        {
            return Dialect001Error.Validation("src_addr_required", "src_addr (the sender name) is required.");
        }

        if (command.Phones is not { Count: > 0 } phones)
        {
            return Dialect001Error.Validation("phone_required", "phone must be an array of 1 to 100 numbers.");
        }

        if (phones.Count > MaxPhones)
        {
            return Dialect001Error.Validation("too_many_phones", $"phone holds {phones.Count} numbers; at most {MaxPhones} are allowed.");
        }

        for (var i = 0; i < phones.Count; i++)
        {
            if (!IsPhoneShape(phones[i]))
            {
                return Dialect001Error.Validation("invalid_phone", $"phone[{i}] is not a number: digits only (an optional leading '+'), at most {MaxPhoneLength - 1} of them.");
            }
        }

        if (string.IsNullOrEmpty(command.Message))
        {
            return Dialect001Error.Validation("message_required", "message (the text) is required.");
        }

        if (command.IntegrationId is { Length: > MaxIntegrationIdLength })
        {
            return Dialect001Error.Validation("invalid_integration_id", $"integration_id is at most {MaxIntegrationIdLength} characters.");
        }

        if (!IsAlphanumericName(command.SourceAddress) || !caller.Account.AllowsSender(command.SourceAddress))
        {
            return Dialect001Error.Validation("sender_not_allowed", $"\"{command.SourceAddress}\" is not one of the account's active alpha names (see GET /api/json/senders).");
        }

        return null;
    }

    private static bool IsPhoneShape(string? phone)
    {
        if (phone is not { Length: > 0 and <= MaxPhoneLength })
        {
            return false;
        }

        var digits = phone.AsSpan(phone[0] == '+' ? 1 : 0);
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9') && digits.Length < MaxPhoneLength;
    }

    private static SubmissionRequest RequestFor(string source, string phone, string text, string? integrationId) => new()
    {
        Source = new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, source),
        Destination = new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, phone),
        Text = text,
        RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
        ClientReference = integrationId,
    };

    private static Dialect001Error ErrorOf(AcceptanceOutcome outcome)
    {
        if (outcome.Refusal is not { } refusal)
        {
            return Dialect001Error.Unavailable("service_unavailable", "The message could not be stored; nothing was charged. Try again later.");
        }

        return refusal.Reason switch
        {
            RefusalReason.Throttled => Throttled(),
            RefusalReason.CurrencyMismatch or RefusalReason.BalanceUnavailable => Dialect001Error.Unavailable(refusal.Code, refusal.Message),
            _ => Dialect001Error.Validation(refusal.Code, refusal.Message),
        };
    }

    private static Dialect001Error Throttled() =>
        new(StatusCodes.Status429TooManyRequests, "throttled", "This API key's message rate is reached.", ThrottledRetryAfter);

    private void Release(ApiCaller caller, string[] numbers, int from, ulong textHash)
    {
        for (var i = from; i < numbers.Length; i++)
        {
            _duplicates.Release(caller.CustomerId, numbers[i], textHash);
        }
    }
}
