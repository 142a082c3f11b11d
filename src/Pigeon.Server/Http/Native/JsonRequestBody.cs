using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// A request body read for the native API: the exact bytes (the idempotency fingerprint is taken over them) and
/// the parsed JSON. Refuses, each with its problem: a content type other than <c>application/json</c> (charset
/// UTF-8 or none) with 415 <c>unsupported_media_type</c>; a body over the listener's limit with 413
/// <c>payload_too_large</c> (Kestrel stops reading it); an empty body, bytes that are not UTF-8, or text that is not
/// JSON with 400 <c>invalid_json</c>.
/// </summary>
internal sealed class JsonRequestBody : IDisposable
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    private JsonRequestBody(byte[] bytes, JsonDocument document)
    {
        Bytes = bytes;
        Document = document;
    }

    public byte[] Bytes { get; }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    /// <summary>Reads and parses the body; exactly one of the two results is set.</summary>
    public static async Task<(JsonRequestBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, UnsupportedMediaType());
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, NativeProblems.PayloadTooLarge());
        }

        var json = bytes.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.IsEmpty)
        {
            return (null, InvalidJson("The body is empty."));
        }

        if (!Utf8.IsValid(json.Span))
        {
            return (null, InvalidJson("The body is not valid UTF-8."));
        }

        try
        {
            return (new JsonRequestBody(bytes, JsonDocument.Parse(json, ParseOptions)), null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            return (null, InvalidJson("The body is not well-formed JSON" + where + "."));
        }
    }

    public void Dispose() => Document.Dispose();

    public static IResult UnsupportedMediaType() => ApiProblems.Problem(
        StatusCodes.Status415UnsupportedMediaType,
        "unsupported_media_type",
        "The body must be JSON.",
        "Send 'Content-Type: application/json' (UTF-8).");

    private static IResult InvalidJson(string detail) => ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_json", "The body could not be read as JSON.", detail);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
}
