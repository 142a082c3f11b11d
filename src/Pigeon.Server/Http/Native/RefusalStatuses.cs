using Microsoft.AspNetCore.Http;
using Pigeon.Gateway.Submission;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// The HTTP status a request gets when every message in it was refused for one reason (the reason's code is the
/// problem's <c>code</c>): 402 when the balance does not cover it, 403 for a suspended account, 429 for a rate,
/// 500 or 503 for the operator's configuration, 422 for everything about the message itself.
/// </summary>
internal static class RefusalStatuses
{
    public static int ToHttpStatus(this RefusalReason reason) => reason switch
    {
        RefusalReason.InsufficientBalance => StatusCodes.Status402PaymentRequired,
        RefusalReason.CustomerNotActive or RefusalReason.SubmitDisabled => StatusCodes.Status403Forbidden,
        RefusalReason.Throttled => StatusCodes.Status429TooManyRequests,
        RefusalReason.CurrencyMismatch => StatusCodes.Status500InternalServerError,
        RefusalReason.BalanceUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
