using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// A refused dialect-001 request: the HTTP status, the stable machine-readable code (listed in
/// docs/http-api-001.md; a code keeps its meaning once published), a sentence for people, and for 429 the wait
/// before a retry. JSON answers it as <c>{"error_request":{…}}</c>, XML as <c>&lt;response&gt;&lt;error …/&gt;</c>.
/// </summary>
internal sealed record Dialect001Error(int Status, string Code, string Message, TimeSpan? RetryAfter = null)
{
    /// <summary>The document's "Duplication of a message in an interval of less than 2 minutes".</summary>
    public const int DuplicateStatus = 453;

    public static Dialect001Error Validation(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    public static Dialect001Error Authentication(string code, string message) => new(StatusCodes.Status401Unauthorized, code, message);

    public static Dialect001Error Unavailable(string code, string message) => new(StatusCodes.Status503ServiceUnavailable, code, message);
}
