using System.Globalization;
using System.Text.Json;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// Reads the JSON of a send request into <see cref="SendMessageRequest"/>s, gathering every problem by field instead
/// of stopping at the first: wrong JSON types (a number given as a JSON number, a text as an array…), unknown or
/// repeated fields, missing required ones, bad URLs, times and durations. What the fields mean (is the number
/// valid, is the sender allowed, does the text fit) is left to the submission planner, so every front end agrees.
/// </summary>
internal static class MessageRequestReader
{
    /// <summary>The body of <c>POST /v1/messages</c>; null when <paramref name="errors"/> got something.</summary>
    public static SendMessageRequest? ReadSingle(JsonElement body, FieldErrors errors) => ReadMessage(body, string.Empty, errors);

    /// <summary>The body of <c>POST /v1/messages/batch</c>; null when <paramref name="errors"/> got something.</summary>
    public static IReadOnlyList<SendMessageRequest>? ReadBatch(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The body must be a JSON object.");
            return null;
        }

        JsonElement? messages = null;
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name != "messages")
            {
                errors.Add(property.Name, "Unknown field.");
            }
            else if (messages is not null)
            {
                errors.Add(property.Name, "The field appears more than once.");
            }
            else
            {
                messages = property.Value;
            }
        }

        if (messages is not { ValueKind: JsonValueKind.Array } array)
        {
            errors.Add("messages", messages is null ? "Required." : "Must be an array of message objects.");
            return null;
        }

        if (array.GetArrayLength() == 0)
        {
            errors.Add("messages", "Must hold at least one message.");
            return null;
        }

        var read = new List<SendMessageRequest>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (ReadMessage(item, string.Create(CultureInfo.InvariantCulture, $"messages[{index}]."), errors) is { } message)
            {
                read.Add(message);
            }

            index++;
        }

        return errors.Any ? null : read;
    }

    private static SendMessageRequest? ReadMessage(JsonElement body, string prefix, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(prefix.Length == 0 ? "$" : prefix.TrimEnd('.'), "Must be a JSON object.");
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string>? to = null;
        string? text = null, from = null, reference = null;
        Uri? callback = null;
        int? validity = null;
        DateTimeOffset? sendAt = null;
        var failed = false;
        foreach (var property in body.EnumerateObject())
        {
            var field = prefix + property.Name;
            if (!seen.Add(property.Name))
            {
                Fail(field, "The field appears more than once.");
                continue;
            }

            var value = property.Value;
            switch (property.Name)
            {
                case "to":
                    to = ReadRecipients(value, field);
                    break;
                case "text":
                    text = ReadString(value, field, NativeApiLimits.MaxTextLength, allowEmpty: true);
                    break;
                case "from":
                    from = ReadString(value, field, 32, allowEmpty: false);
                    break;
                case "client_reference":
                    reference = ReadString(value, field, NativeApiLimits.MaxClientReferenceLength, allowEmpty: false);
                    break;
                case "callback_url":
                    callback = ReadUrl(value, field);
                    break;
                case "validity":
                    validity = ReadValidity(value, field);
                    break;
                case "send_at":
                    sendAt = ReadTime(value, field);
                    break;
                default:
                    Fail(field, "Unknown field.");
                    break;
            }
        }

        if (!seen.Contains("to"))
        {
            Fail(prefix + "to", "Required.");
        }

        if (!seen.Contains("text"))
        {
            Fail(prefix + "text", "Required.");
        }

        if (failed || to is null || text is null)
        {
            return null;
        }

        return new SendMessageRequest
        {
            To = to,
            Text = text,
            From = from,
            ClientReference = reference,
            CallbackUrl = callback,
            Validity = validity,
            SendAt = sendAt,
        };

        void Fail(string field, string message)
        {
            failed = true;
            errors.Add(field, message);
        }

        IReadOnlyList<string>? ReadRecipients(JsonElement value, string field)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return ReadString(value, field, 32, allowEmpty: false) is { } one ? [one] : null;
                case JsonValueKind.Array:
                    var count = value.GetArrayLength();
                    if (count == 0)
                    {
                        Fail(field, "Must hold at least one number.");
                        return null;
                    }

                    var numbers = new List<string>(count);
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        if (ReadString(item, string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), 32, allowEmpty: false) is { } number)
                        {
                            numbers.Add(number);
                        }

                        i++;
                    }

                    return numbers.Count == count ? numbers : null;
                default:
                    Fail(field, "Must be a phone number as a string (\"+447700900001\"), or an array of them.");
                    return null;
            }
        }

        string? ReadString(JsonElement value, string field, int maxLength, bool allowEmpty)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Fail(field, $"Must be a string, not {Describe(value.ValueKind)}.");
                return null;
            }

            var s = value.GetString()!;
            if (!allowEmpty && s.Trim().Length == 0)
            {
                Fail(field, "Must not be empty.");
                return null;
            }

            if (s.Length > maxLength)
            {
                Fail(field, string.Create(CultureInfo.InvariantCulture, $"Must be at most {maxLength} characters."));
                return null;
            }

            return s;
        }

        Uri? ReadUrl(JsonElement value, string field)
        {
            if (ReadString(value, field, NativeApiLimits.MaxCallbackUrlLength, allowEmpty: false) is not { } s)
            {
                return null;
            }

            if (!Uri.TryCreate(s, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
            {
                Fail(field, "Must be an absolute http or https URL.");
                return null;
            }

            return url;
        }

        int? ReadValidity(JsonElement value, string field)
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds))
            {
                Fail(field, value.ValueKind == JsonValueKind.Number ? "Must be a whole number of seconds." : $"Must be a number of seconds, not {Describe(value.ValueKind)}.");
                return null;
            }

            if (seconds is < 1 or > NativeApiLimits.MaxValiditySeconds)
            {
                Fail(field, string.Create(CultureInfo.InvariantCulture, $"Must be between 1 and {NativeApiLimits.MaxValiditySeconds} seconds."));
                return null;
            }

            return (int)seconds;
        }

        DateTimeOffset? ReadTime(JsonElement value, string field)
        {
            if (ReadString(value, field, 40, allowEmpty: false) is not { } s)
            {
                return null;
            }

            if (!Rfc3339.TryParse(s, out var at))
            {
                Fail(field, "Must be an RFC 3339 date-time with an offset, such as \"2026-11-23T10:00:00Z\".");
                return null;
            }

            return at;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
