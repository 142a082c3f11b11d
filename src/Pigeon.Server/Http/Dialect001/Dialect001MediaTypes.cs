using Microsoft.Net.Http.Headers;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// The Content-Types dialect 001 takes: application/json (or any +json type) on /api/json/*, application/xml or
/// text/xml (or any +xml type) on /api/xml; a charset, when given, must be UTF-8. Anything else is 415.
/// </summary>
internal static class Dialect001MediaTypes
{
    public const string JsonAnswer = "application/json; charset=utf-8";
    public const string XmlAnswer = "application/xml; charset=utf-8";

    public static Dialect001Error? CheckJson(string? contentType) =>
        Check(contentType, static type => type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase), "application/json");

    public static Dialect001Error? CheckXml(string? contentType) =>
        Check(
            contentType,
            static type => type.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || type.Equals("text/xml", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase),
            "application/xml");

    private static Dialect001Error? Check(string? contentType, Func<string, bool> accepted, string expected)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } type || !accepted(type))
        {
            return Unsupported($"Send the body as {expected}; charset utf-8.");
        }

        var charset = parsed.Charset.Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : Unsupported($"The charset must be utf-8, not {charset}.");
    }

    private static Dialect001Error Unsupported(string message) => new(Microsoft.AspNetCore.Http.StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", message);
}
