using System.Net;
using System.Text.Json.Nodes;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>
/// The seed document's own sample requests, byte for byte as it prints them, and its answers asserted whole. Ids
/// vary: they are checked to be our message ids (the status operation finds them as the caller's).
/// </summary>
[Collection(Dialect001Collection.Name)]
public sealed class Dialect001DocumentSampleTests(Dialect001Fixture fixture)
{
    private const string SendSample = """
        {
            "phone" : ["380989361131"],
            "message" : "test text",
            "src_addr" : "VashZakaz"
        }
        """;

    // Verbatim, trailing comma included: the document's status example is not strict JSON, and is accepted.
    private const string StatusSample = """
        {
            "id_sms" : ["106"],
        }
        """;

    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Send_sample_is_answered_with_our_message_id_for_the_number_and_reaches_DELIVRD()
    {
        using var client = new Dialect001Client(fixture);
        var token = fixture.Token("vash-samples");

        var sent = await client.PostJsonAsync("send", SendSample, token);

        var id = Assert.Single(sent.Json["success_request"]!["info"]!.AsObject()).Key;
        Assert.True(long.TryParse(id, out var value) && value > 0, id);
        sent.AssertJson(HttpStatusCode.OK, InfoOf(id, "380989361131"));

        var status = await client.PostJsonAsync("status", StatusSample.Replace("106", id, StringComparison.Ordinal), token);
        var word = status.Json["success_request"]!["info"]![id]!.GetValue<string>();
        Assert.Contains(word, new[] { "ENROUTE", "DELIVRD" });
        status.AssertJson(HttpStatusCode.OK, InfoOf(id, word));

        var deadline = DateTime.UtcNow + DeliveryTimeout;
        while (word != "DELIVRD" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            status = await client.PostJsonAsync("status", StatusSample.Replace("106", id, StringComparison.Ordinal), token);
            word = status.Json["success_request"]!["info"]![id]!.GetValue<string>();
        }

        status.AssertJson(HttpStatusCode.OK, InfoOf(id, "DELIVRD"));
    }

    private static string InfoOf(string id, string value) => "{\"success_request\":{\"info\":{\"" + id + "\":\"" + value + "\"}}}";

    [Fact]
    public async Task Status_sample_as_printed_reports_its_id_106_as_unknown_beside_info()
    {
        using var client = new Dialect001Client(fixture);

        var status = await client.PostJsonAsync("status", StatusSample, fixture.Token("vash-samples"));

        status.AssertJson(HttpStatusCode.OK, """{"success_request":{"info":{},"unknown":["106"]}}""");
    }

    [Fact]
    public async Task Senders_sample_lists_the_active_alpha_names_only()
    {
        using var client = new Dialect001Client(fixture);

        var senders = await client.GetAsync("api/json/senders", Dialect001Client.Bearer(fixture.Token("ledger")));

        // ledger also has a numeric sender and an inactive name: neither is an active alpha name.
        senders.AssertJson(HttpStatusCode.OK, """
            {
             "success_request": {
                "info": [
                    "test1",
                    "test2"
                    ]
                }
            }
            """);
    }

    [Fact]
    public async Task Balance_sample_is_answered_as_the_JSON_object_the_document_meant()
    {
        using var client = new Dialect001Client(fixture);

        var balance = await client.GetAsync("api/json/balance", Dialect001Client.Basic("ledger", fixture.Token("ledger")));

        // The document prints "info": [ "money": "8111.1700", "currency": "UAH" ], which is not JSON; this is its object form.
        balance.AssertJson(HttpStatusCode.OK, """{"success_request":{"info":{"money":"8111.1700","currency":"UAH"}}}""");
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse("""{"success_request":{"info":["money":"8111.1700","currency":"UAH"]}}"""));
    }
}
