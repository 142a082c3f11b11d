using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pigeon.Server.Tests.Http.Dialect002;

/// <summary>Whole-answer assertions: every field compared, our reference ids checked to be real message ids first.</summary>
internal static partial class Dialect002Json
{
    /// <summary>
    /// Asserts <paramref name="actual"/> equals <paramref name="expected"/> (JSON text) field by field, after each
    /// non-empty reference_id was checked to be a decimal message id stored for <paramref name="customerId"/> to the
    /// number shown, and replaced by "&lt;id&gt;". Returns the ids in order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AssertAnswerAsync(Dialect002Fixture fixture, string expected, JsonNode? actual, long customerId)
    {
        Assert.NotNull(actual);
        var copy = actual.DeepClone();
        var ids = new List<string>();
        foreach (var info in copy["smsinfo"]!.AsArray())
        {
            var id = info!["reference_id"]!.GetValue<string>();
            if (id.Length == 0)
            {
                continue;
            }

            Assert.Matches(DecimalId(), id);
            var stored = await fixture.ShowMessageAsync(id);
            Assert.NotNull(stored);
            Assert.Equal(customerId, stored["customer_id"]!.GetValue<long>());
            Assert.Equal(info["msisdn"]!.GetValue<string>(), stored["destination"]!.GetValue<string>());
            Assert.Equal(info["csms_id"]!.GetValue<string>(), stored["client_reference"]!.GetValue<string>());
            ids.Add(id);
            info["reference_id"] = "<id>";
        }

        var wanted = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(wanted, copy), $"expected\n{wanted}\nbut got\n{actual}");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    /// <summary>Asserts a FAILED answer of <paramref name="code"/> with <paramref name="message"/> and no SMS.</summary>
    public static void AssertRefused(JsonNode? actual, int code, string message)
    {
        var wanted = new JsonObject { ["status"] = "FAILED", ["status_code"] = code, ["error_message"] = message, ["smsinfo"] = new JsonArray() };
        Assert.True(JsonNode.DeepEquals(wanted, actual), $"expected\n{wanted}\nbut got\n{actual}");
    }

    [GeneratedRegex("^[1-9][0-9]{0,19}$")]
    private static partial Regex DecimalId();
}
