using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http;

/// <summary>
/// RFC 9457 problem details for the native API: <c>application/problem+json</c> with <c>type</c>
/// (<c>urn:pigeon:problem:&lt;code&gt;</c>), <c>title</c>, <c>status</c>, <c>detail</c> and the stable machine-readable
/// <c>code</c> clients branch on. The codes are listed in docs/http-api.md; a code, once published, keeps its meaning.
/// </summary>
internal static class ApiProblems
{
    /// <summary>A problem answer with <paramref name="status"/>, the stable <paramref name="code"/> and a sentence for people.</summary>
    public static IResult Problem(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (name, value) in extensions)
            {
                all[name] = value;
            }
        }

        return Results.Problem(detail: detail, statusCode: status, title: title, type: "urn:pigeon:problem:" + code, extensions: all);
    }
}
