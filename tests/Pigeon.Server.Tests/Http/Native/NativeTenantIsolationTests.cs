using System.Net;
using System.Text.Json;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>Customer A's key cannot read, list or affect customer B's messages, through any endpoint.</summary>
[Collection(NativeApiCollection.Name)]
public sealed class NativeTenantIsolationTests(NativeApiFixture fixture)
{
    [Fact]
    public async Task Another_customer_message_is_404_exactly_like_one_that_does_not_exist()
    {
        using var demo = fixture.Client("demo");
        using var other = fixture.Client("other");
        var id = await SendAsync(demo, "+447911129001", "Pigeon");

        var foreign = await other.GetAsync("v1/messages/" + id);
        var missing = await other.GetAsync("v1/messages/" + (long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) + 1));

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal(Without(missing.Json, "traceId"), Without(foreign.Json, "traceId"));
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("v1/messages/" + id)).Status);
    }

    [Fact]
    public async Task Lists_hold_only_the_caller_messages_whatever_the_filter()
    {
        using var demo = fixture.Client("demo");
        using var other = fixture.Client("other");
        var demoId = await SendAsync(demo, "+447911129011", "Pigeon");
        var otherId = await SendAsync(other, "+447911129011", "Other");

        var otherAll = await AllIdsAsync(other, string.Empty);
        var otherToNumber = await AllIdsAsync(other, "&to=%2B447911129011");
        var demoToNumber = await AllIdsAsync(demo, "&to=%2B447911129011");

        Assert.DoesNotContain(demoId, otherAll);
        Assert.Contains(otherId, otherAll);
        Assert.Equal([otherId], otherToNumber);
        Assert.Equal([demoId], demoToNumber);
    }

    [Fact]
    public async Task A_cursor_made_from_another_customer_list_pages_the_caller_own_messages_only()
    {
        using var demo = fixture.Client("demo");
        using var other = fixture.Client("other");
        await SendAsync(demo, "+447911129021", "Pigeon");
        var demoPage = await demo.GetAsync("v1/messages?limit=1");
        var cursor = demoPage.Json.GetProperty("next_cursor").GetString()!;

        var page = await other.GetAsync("v1/messages?limit=500&cursor=" + Uri.EscapeDataString(cursor));
        var demoIds = await AllIdsAsync(demo, string.Empty);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(page.Json.GetProperty("data").EnumerateArray(), m => demoIds.Contains(m.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task One_idempotency_key_used_by_two_customers_is_two_requests()
    {
        using var demo = fixture.Client("demo");
        using var other = fixture.Client("other");
        var key = Guid.NewGuid().ToString();
        const string Body = """{"to": "+447911129031", "text": "Same key"}""";

        var demoAnswer = await demo.PostJsonAsync("v1/messages", Body.Replace("}", ", \"from\": \"Pigeon\"}", StringComparison.Ordinal), key);
        var otherAnswer = await other.PostJsonAsync("v1/messages", Body, key);
        var otherAgain = await other.PostJsonAsync("v1/messages", Body, key);

        Assert.Equal(HttpStatusCode.Created, demoAnswer.Status);
        Assert.Equal(HttpStatusCode.Created, otherAnswer.Status);
        Assert.False(otherAnswer.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(demoAnswer.Messages[0].GetProperty("id").GetString(), otherAnswer.Messages[0].GetProperty("id").GetString());
        Assert.Equal(otherAnswer.Body, otherAgain.Body);
    }

    [Fact]
    public async Task Balance_and_senders_are_each_customer_own()
    {
        using var demo = fixture.Client("demo");
        using var broke = fixture.Client("broke");

        var brokeBalance = await broke.GetAsync("v1/balance");
        var demoBalance = await demo.GetAsync("v1/balance");

        Assert.Equal("0", brokeBalance.Json.GetProperty("balance").GetString());
        Assert.NotEqual("0", demoBalance.Json.GetProperty("balance").GetString());
    }

    private static async Task<string> SendAsync(NativeApiClient api, string to, string from)
    {
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "{{to}}", "text": "Mine", "from": "{{from}}"}""");
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return Assert.Single(answer.Messages).GetProperty("id").GetString()!;
    }

    private static async Task<List<string>> AllIdsAsync(NativeApiClient api, string filter)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await api.GetAsync("v1/messages?limit=500" + filter + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            ids.AddRange(page.Json.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            cursor = page.Json.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }

    private static Dictionary<string, string> Without(JsonElement problem, string member) =>
        problem.EnumerateObject().Where(p => p.Name != member).ToDictionary(p => p.Name, p => p.Value.GetRawText());
}
