using System.Net;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>Idempotency-Key: a retried request is answered the same and sends nothing twice.</summary>
[Collection(NativeApiCollection.Name)]
public sealed class NativeIdempotencyTests(NativeApiFixture fixture)
{
    [Fact]
    public async Task The_same_key_and_body_replays_the_first_answer_and_sends_nothing_more()
    {
        using var api = fixture.Client("idem");
        var key = Guid.NewGuid().ToString();
        const string Body = """{"to": ["+447911125001", "+447911125002"], "text": "Once only", "from": "Pigeon"}""";
        var balanceBefore = decimal.Parse((await api.GetAsync("v1/balance")).Json.GetProperty("balance").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var first = await api.PostJsonAsync("v1/messages", Body, key);
        var second = await api.PostJsonAsync("v1/messages", Body, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var balanceAfter = decimal.Parse((await api.GetAsync("v1/balance")).Json.GetProperty("balance").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(balanceBefore - 0.02m, balanceAfter);
    }

    [Fact]
    public async Task A_refusal_is_replayed_too()
    {
        using var api = fixture.Client("idem");
        var key = Guid.NewGuid().ToString();
        const string Body = """{"to": "+447911125011", "text": "x", "from": "Nope"}""";

        var first = await api.PostJsonAsync("v1/messages", Body, key);
        var second = await api.PostJsonAsync("v1/messages", Body, key);

        Assert.Equal("sender_not_allowed", first.Code);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_idempotency_key_reused()
    {
        using var api = fixture.Client("idem");
        var key = Guid.NewGuid().ToString();

        var first = await api.PostJsonAsync("v1/messages", """{"to": "+447911125021", "text": "One", "from": "Pigeon"}""", key);
        var second = await api.PostJsonAsync("v1/messages", """{"to": "+447911125021", "text": "Two", "from": "Pigeon"}""", key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.Status);
        Assert.Equal("idempotency_key_reused", second.Code);
    }

    [Fact]
    public async Task The_same_key_on_another_endpoint_is_422_idempotency_key_reused()
    {
        using var api = fixture.Client("idem");
        var key = Guid.NewGuid().ToString();

        await api.PostJsonAsync("v1/messages", """{"to": "+447911125031", "text": "One", "from": "Pigeon"}""", key);
        var batch = await api.PostJsonAsync("v1/messages/batch", """{"messages": [{"to": "+447911125031", "text": "One", "from": "Pigeon"}]}""", key);

        Assert.Equal("idempotency_key_reused", batch.Code);
    }

    [Fact]
    public async Task A_request_refused_before_any_message_keeps_no_answer_so_the_corrected_request_may_use_the_key()
    {
        using var api = fixture.Client("idem");
        var key = Guid.NewGuid().ToString();

        var invalid = await api.PostJsonAsync("v1/messages", """{"to": 447911125041, "text": "x", "from": "Pigeon"}""", key);
        var corrected = await api.PostJsonAsync("v1/messages", """{"to": "+447911125041", "text": "x", "from": "Pigeon"}""", key);

        Assert.Equal("validation_failed", invalid.Code);
        Assert.Equal(HttpStatusCode.Created, corrected.Status);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_the_messages_once_and_the_others_are_409_idempotency_key_in_use_or_replays()
    {
        using var api = fixture.Client("idem");
        var numbers = string.Join(", ", Enumerable.Range(0, 300).Select(i => $"\"+447911{i + 126000:D6}\""));
        var body = $$"""{"to": [{{numbers}}], "text": "Concurrent", "from": "Pigeon"}""";
        var sawInUse = false;
        for (var round = 0; round < 5 && !sawInUse; round++)
        {
            var key = Guid.NewGuid().ToString();
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.PostJsonAsync("v1/messages", body, key)));

            var originals = answers.Where(a => a.Status == HttpStatusCode.Created && !a.Headers.Contains("Idempotent-Replayed")).ToList();
            var original = Assert.Single(originals);
            foreach (var other in answers.Where(a => !ReferenceEquals(a, original)))
            {
                if (other.Status == HttpStatusCode.Conflict)
                {
                    Assert.Equal("idempotency_key_in_use", other.Code);
                    sawInUse = true;
                }
                else
                {
                    Assert.Equal(original.Body, other.Body);
                }
            }
        }

        Assert.True(sawInUse, "No request met another in flight in five rounds.");
    }
}
