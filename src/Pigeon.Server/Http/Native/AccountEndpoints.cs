using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pigeon.Server.Core;

namespace Pigeon.Server.Http.Native;

/// <summary>The account endpoints: the caller's balance and sender ids.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/balance", GetBalanceAsync)
            .WithTags("Account")
            .WithName("GetBalance")
            .WithSummary("The account's balance")
            .Produces<BalanceResponse>(StatusCodes.Status200OK);
        v1.MapGet("/senders", ListSendersAsync)
            .WithTags("Account")
            .WithName("ListSenders")
            .WithSummary("The sender ids the account may send from")
            .Produces<SenderListResponse>(StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetBalanceAsync(HttpContext http, GatewayCore core)
    {
        var customer = http.GetApiCaller().Customer;
        // The in-memory book is ahead of the store by the messages in flight; the store answers until it is loaded.
        var balance = core.Balances.TryGetBalance(customer.Id, out var now)
            ? now
            : (await core.Store.Provisioning.GetCustomerAsync(customer.Id, http.RequestAborted))?.Balance ?? customer.Balance;
        return TypedResults.Json(new BalanceResponse { Balance = NativeWords.Money(balance), Currency = customer.Currency }, NativeJsonContext.Answers.BalanceResponse);
    }

    private static async Task<IResult> ListSendersAsync(HttpContext http, GatewayCore core)
    {
        var caller = http.GetApiCaller();
        var senders = await core.Store.Provisioning.ListSenderIdsAsync(caller.CustomerId, http.RequestAborted);
        var views = senders
            .Where(s => s.Active)
            .OrderBy(s => s.Value, StringComparer.Ordinal)
            .Select(s => new SenderView { Value = s.Value, Type = IsNumber(s.Value) ? "numeric" : "alphanumeric" })
            .ToList();
        return TypedResults.Json(new SenderListResponse { Data = views }, NativeJsonContext.Answers.SenderListResponse);
    }

    private static bool IsNumber(string value) => value.TrimStart('+').Length > 0 && !value.TrimStart('+').AsSpan().ContainsAnyExceptInRange('0', '9');
}
