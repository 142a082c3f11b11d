using System.Net;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>POST /v1/messages and /v1/messages/batch: what is accepted, what each recipient's result says, and delivery read back.</summary>
[Collection(NativeApiCollection.Name)]
public sealed class NativeSendTests(NativeApiFixture fixture)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task One_text_to_one_number_is_accepted_with_id_segments_encoding_and_price_and_is_delivered()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": "+447911123001", "text": "Hello", "from": "Pigeon", "client_reference": "order-1"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        var result = Assert.Single(answer.Messages);
        Assert.Equal("accepted", result.GetProperty("status").GetString());
        Assert.Equal("+447911123001", result.GetProperty("to").GetString());
        Assert.Equal(1, result.GetProperty("segments").GetInt32());
        Assert.Equal("gsm7", result.GetProperty("encoding").GetString());
        Assert.Equal("0.01", result.GetProperty("price").GetString());
        Assert.Equal("EUR", result.GetProperty("currency").GetString());
        Assert.Equal("order-1", result.GetProperty("client_reference").GetString());
        Assert.Equal(1, answer.Json.GetProperty("accepted").GetInt32());
        Assert.Equal("0.01", answer.Json.GetProperty("total_price").GetString());

        var read = await api.WaitForStatusAsync(result.GetProperty("id").GetString()!, "delivered", DeliveryTimeout);
        Assert.Equal("delivered", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task One_text_to_many_numbers_makes_one_message_each_and_all_are_delivered()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": ["+447911123011", "+447911123012", "07911123013"], "text": "To many", "from": "Demo"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(["+447911123011", "+447911123012", "+447911123013"], answer.Messages.Select(m => m.GetProperty("to").GetString()));
        var ids = answer.Messages.Select(m => m.GetProperty("id").GetString()!).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal("0.03", answer.Json.GetProperty("total_price").GetString());
        foreach (var id in ids)
        {
            Assert.Equal("delivered", (await api.WaitForStatusAsync(id, "delivered", DeliveryTimeout)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_batch_of_distinct_texts_answers_each_in_order_and_all_are_delivered()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages/batch", """
            {"messages": [
              {"to": "+447911123021", "text": "First", "from": "Pigeon", "client_reference": "a"},
              {"to": ["+447911123022", "+447911123023"], "text": "Second, to two", "from": "Demo", "client_reference": "b"},
              {"to": "+447911123024", "text": "Привет", "from": "Pigeon", "validity": 3600}
            ]}
            """);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var results = answer.Messages;
        Assert.Equal(4, results.Count);
        Assert.Equal(["a", "b", "b", null], results.Select(r => r.TryGetProperty("client_reference", out var c) ? c.GetString() : null));
        Assert.Equal("ucs2", results[3].GetProperty("encoding").GetString());
        foreach (var id in results.Select(r => r.GetProperty("id").GetString()!))
        {
            Assert.Equal("delivered", (await api.WaitForStatusAsync(id, "delivered", DeliveryTimeout)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Some_recipients_refused_answers_200_with_each_result()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": ["+447911123031", "12"], "text": "Half", "from": "Pigeon"}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("accepted", answer.Messages[0].GetProperty("status").GetString());
        Assert.Equal("refused", answer.Messages[1].GetProperty("status").GetString());
        Assert.Equal("12", answer.Messages[1].GetProperty("to").GetString());
        Assert.False(answer.Messages[1].TryGetProperty("id", out _));
        Assert.Equal(1, answer.Json.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.Json.GetProperty("refused").GetInt32());
    }

    [Fact]
    public async Task A_long_unicode_text_is_counted_in_ucs2_segments_and_charged_for_each()
    {
        using var api = fixture.Client("demo");
        var text = string.Concat(Enumerable.Repeat("Ж", 71));
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "+447911123041", "text": "{{text}}", "from": "Pigeon"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var result = Assert.Single(answer.Messages);
        Assert.Equal("ucs2", result.GetProperty("encoding").GetString());
        Assert.Equal(2, result.GetProperty("segments").GetInt32());
        Assert.Equal("0.02", result.GetProperty("price").GetString());
    }

    [Fact]
    public async Task A_scheduled_message_waits_with_its_send_time_and_validity_counted_from_it()
    {
        using var api = fixture.Client("demo");
        var at = DateTimeOffset.UtcNow.AddDays(1);
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "+447911123051", "text": "Later", "from": "Pigeon", "send_at": "{{at:yyyy-MM-dd'T'HH:mm:ss}}Z", "validity": 600}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var result = Assert.Single(answer.Messages);
        var sendAt = result.GetProperty("send_at").GetDateTimeOffset();
        Assert.Equal(at.ToUnixTimeSeconds(), sendAt.ToUnixTimeSeconds());
        Assert.Equal(sendAt.AddSeconds(600), result.GetProperty("valid_until").GetDateTimeOffset());
        var read = await api.GetAsync("v1/messages/" + result.GetProperty("id").GetString());
        Assert.Equal("accepted", read.Json.GetProperty("status").GetString());
        Assert.Equal(sendAt, read.Json.GetProperty("send_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_sender_may_be_left_out_when_the_account_has_only_one()
    {
        using var api = fixture.Client("other");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": "+447911123061", "text": "From my only sender"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var read = await api.GetAsync("v1/messages/" + Assert.Single(answer.Messages).GetProperty("id").GetString());
        Assert.Equal("Other", read.Json.GetProperty("from").GetString());
    }

    [Fact]
    public async Task A_valid_callback_url_is_taken()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": "+447911123071", "text": "Call me back", "from": "Pigeon", "callback_url": "https://example.com/hooks/sms?x=1"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/hooks")]
    public async Task By_default_a_callback_url_at_a_private_address_is_422_invalid_callback_url(string url)
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "+447911123072", "text": "Call me back", "from": "Pigeon", "callback_url": "{{url}}"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("invalid_callback_url", answer.Code);
    }
}
