using System.Globalization;
using System.Net;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>Reading: a message with its history, the cursor-paged list and its filters, balance, sender ids.</summary>
[Collection(NativeApiCollection.Name)]
public sealed class NativeReadTests(NativeApiFixture fixture)
{
    [Fact]
    public async Task A_delivered_message_reads_with_its_history_accepted_charged_submitted_and_receipt()
    {
        using var api = fixture.Client("demo");
        var sent = await api.PostJsonAsync("v1/messages", """{"to": "+447911126001", "text": "History", "from": "Pigeon", "client_reference": "hist"}""");
        var id = Assert.Single(sent.Messages).GetProperty("id").GetString()!;

        var message = await api.WaitForStatusAsync(id, "delivered", TimeSpan.FromSeconds(60));

        Assert.Equal(id, message.GetProperty("id").GetString());
        Assert.Equal("+447911126001", message.GetProperty("to").GetString());
        Assert.Equal("Pigeon", message.GetProperty("from").GetString());
        Assert.Equal("hist", message.GetProperty("client_reference").GetString());
        Assert.Equal("0.01", message.GetProperty("price").GetString());
        Assert.False(message.TryGetProperty("error", out _));
        var history = message.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["accepted", "charged", "submitted", "receipt"], history.Select(e => e.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(history[2].GetProperty("supplier_message_id").GetString()));
        Assert.Equal("delivered", history[3].GetProperty("status").GetString());
        Assert.Equal("0.01", history[1].GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Walking_every_page_gives_each_message_once_newest_first()
    {
        using var api = fixture.Client("pages");
        var numbers = string.Join(", ", Enumerable.Range(0, 25).Select(i => $"\"+4479111270{i:D2}\""));
        var sent = await api.PostJsonAsync("v1/messages", $$"""{"to": [{{numbers}}], "text": "Page me"}""");
        Assert.Equal(HttpStatusCode.Created, sent.Status);
        var sentIds = sent.Messages.Select(m => m.GetProperty("id").GetString()!).ToHashSet();

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.GetAsync("v1/messages?limit=7" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var data = page.Json.GetProperty("data").EnumerateArray().ToList();
            Assert.InRange(data.Count, 1, 7);
            seen.AddRange(data.Select(m => m.GetProperty("id").GetString()!));
            cursor = page.Json.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            Assert.Equal(cursor is not null, page.Json.GetProperty("has_more").GetBoolean());
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(4, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(sentIds.SetEquals(seen));
        Assert.Equal(seen.OrderByDescending(long.Parse), seen);
    }

    [Fact]
    public async Task The_list_filters_by_number_status_and_time()
    {
        using var api = fixture.Client("demo");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var sent = await api.PostJsonAsync("v1/messages", """{"to": ["+447911128001", "+447911128002"], "text": "Filter", "from": "Pigeon"}""");
        var first = sent.Messages[0].GetProperty("id").GetString()!;
        await api.WaitForStatusAsync(first, "delivered", TimeSpan.FromSeconds(60));
        await api.WaitForStatusAsync(sent.Messages[1].GetProperty("id").GetString()!, "delivered", TimeSpan.FromSeconds(60));

        var byNumber = await ListAsync(api, "to=%2B447911128001");
        var national = await ListAsync(api, "to=07911128001");
        var delivered = await ListAsync(api, "status=delivered&to=%2B447911128001&since=" + Uri.EscapeDataString(Iso(before)));
        var enroute = await ListAsync(api, "status=enroute&to=%2B447911128001");
        var untilBefore = await ListAsync(api, "to=%2B447911128001&until=" + Uri.EscapeDataString(Iso(before)));

        Assert.Equal([first], byNumber);
        Assert.Equal([first], national);
        Assert.Equal([first], delivered);
        Assert.Empty(enroute);
        Assert.Empty(untilBefore);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("status=sent", "status")]
    [InlineData("to=hello", "to")]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=2026-01-01", "until")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("cursor=bTE6LTU", "cursor")]
    public async Task A_bad_list_parameter_is_422_validation_failed_naming_it(string query, string field)
    {
        using var api = fixture.Client("demo");
        var answer = await api.GetAsync("v1/messages?" + query);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("validation_failed", answer.Code);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty(field, out _), answer.Body);
    }

    [Fact]
    public async Task The_balance_goes_down_by_what_a_message_costs()
    {
        using var api = fixture.Client("other");
        var before = await api.GetAsync("v1/balance");
        await api.PostJsonAsync("v1/messages", """{"to": "+447911128101", "text": "Cost", "from": "Other"}""");
        var after = await api.GetAsync("v1/balance");

        Assert.Equal("EUR", before.Json.GetProperty("currency").GetString());
        Assert.Equal(Money(before) - 0.01m, Money(after));
    }

    [Fact]
    public async Task The_senders_are_the_account_own()
    {
        using var demo = fixture.Client("demo");
        using var other = fixture.Client("other");

        var demoSenders = (await demo.GetAsync("v1/senders")).Json.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("value").GetString()).ToList();
        var otherSenders = (await other.GetAsync("v1/senders")).Json.GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(["Demo", "Pigeon"], demoSenders);
        var only = Assert.Single(otherSenders);
        Assert.Equal("Other", only.GetProperty("value").GetString());
        Assert.Equal("alphanumeric", only.GetProperty("type").GetString());
    }

    private static async Task<List<string>> ListAsync(NativeApiClient api, string query)
    {
        var answer = await api.GetAsync("v1/messages?" + query);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Json.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];
    }

    private static decimal Money(NativeApiClient.Answer answer) => decimal.Parse(answer.Json.GetProperty("balance").GetString()!, CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
