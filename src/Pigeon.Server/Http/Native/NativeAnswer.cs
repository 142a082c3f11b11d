using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// A finished answer of a write, as it is sent and as it is kept for <c>Idempotency-Key</c> replays: the status and
/// the JSON text (a problem when the status is 400 or above).
/// </summary>
internal sealed record NativeAnswer(int StatusCode, string Json)
{
    public const string ProblemContentType = "application/problem+json";

    public IResult ToResult() => Results.Text(Json, StatusCode >= 400 ? ProblemContentType : "application/json", Encoding.UTF8, StatusCode);
}
