using System.Text.Json.Nodes;

namespace Pigeon.Server.Tests.Http.Dialect002;

/// <summary>Request bodies of dialect 002 for the tests, and fresh csms_ids.</summary>
internal static class Dialect002Requests
{
    /// <summary>A csms_id no test used before: 32 letters and digits.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    public static string Single(string? token, string? msisdn, string? sms, string? csmsId, string? sid = Dialect002Fixture.Sender) =>
        Object(("api_token", token), ("sid", sid), ("msisdn", msisdn), ("sms", sms), ("csms_id", csmsId)).ToJsonString();

    public static string Bulk(string? token, IEnumerable<string>? numbers, string? sms, string? batchId, string? sid = Dialect002Fixture.Sender)
    {
        var body = Object(("api_token", token), ("sid", sid), ("sms", sms), ("batch_csms_id", batchId));
        if (numbers is not null)
        {
            body["msisdn"] = new JsonArray([.. numbers.Select(n => (JsonNode?)JsonValue.Create(n))]);
        }

        return body.ToJsonString();
    }

    public static string Dynamic(string? token, IEnumerable<(string? Msisdn, string? Text, string? CsmsId)> items, string? sid = Dialect002Fixture.Sender)
    {
        var body = Object(("api_token", token), ("sid", sid));
        body["sms"] = new JsonArray([.. items.Select(i => (JsonNode?)Object(("msisdn", i.Msisdn), ("text", i.Text), ("csms_id", i.CsmsId)))]);
        return body.ToJsonString();
    }

    /// <summary>One expected SmsInfo as JSON text (reference_id "&lt;id&gt;" for a stored message, "" otherwise).</summary>
    public static JsonObject Info(string status, string message, string msisdn, string body, string csmsId, bool stored, string type = "EN") => new()
    {
        ["sms_status"] = status,
        ["status_message"] = message,
        ["msisdn"] = msisdn,
        ["sms_type"] = type,
        ["sms_body"] = body,
        ["csms_id"] = csmsId,
        ["reference_id"] = stored ? "<id>" : string.Empty,
    };

    /// <summary>A whole expected answer as JSON text.</summary>
    public static string Answer(bool success, int code, string error, params JsonObject[] infos) => new JsonObject
    {
        ["status"] = success ? "SUCCESS" : "FAILED",
        ["status_code"] = code,
        ["error_message"] = error,
        ["smsinfo"] = new JsonArray([.. infos.Cast<JsonNode?>()]),
    }.ToJsonString();

    private static JsonObject Object(params (string Name, string? Value)[] fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                json[name] = value;
            }
        }

        return json;
    }
}
