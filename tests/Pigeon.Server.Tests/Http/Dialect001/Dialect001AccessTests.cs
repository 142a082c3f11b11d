using System.Net;
using System.Net.Http.Headers;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>Who may call dialect 001 and how often: 401 for every kind of bad credentials, 429 for the two rates.</summary>
[Collection(Dialect001Collection.Name)]
public sealed class Dialect001AccessTests(Dialect001Fixture fixture)
{
    private static string Send(string phone, string message) => $$"""{"src_addr":"VashZakaz","phone":["{{phone}}"],"message":"{{message}}"}""";

    [Fact]
    public async Task No_credentials_are_answered_401_with_both_challenges()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.GetAsync("api/json/balance", null);

        answer.AssertJsonError(401, "authentication_required");
        Assert.Equal(["Basic realm=\"pigeon\", charset=\"UTF-8\"", "Bearer realm=\"pigeon\""], answer.Challenges);
    }

    [Fact]
    public async Task Basic_with_the_customer_name_and_the_key_is_accepted()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.GetAsync("api/json/balance", Dialect001Client.Basic("ledger", fixture.Token("ledger")));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("Basic", "bm90IGJhc2U2NCBhdCBhbGw=")] // "not base64 at all", no colon
    [InlineData("Basic", "!!!")]
    [InlineData("Bearer", "pgn_NotAKey_000000000000000000000000000000000000")]
    [InlineData("Bearer", "wrong-shape")]
    [InlineData("Digest", "username=\"vash\"")]
    public async Task Credentials_that_are_not_a_key_of_ours_are_answered_401_invalid_credentials(string scheme, string parameter)
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.GetAsync("api/json/senders", new AuthenticationHeaderValue(scheme, parameter));

        answer.AssertJsonError(401, "invalid_credentials");
        Assert.Equal(2, answer.Challenges.Count);
    }

    [Fact]
    public async Task Basic_with_another_user_name_than_the_key_customer_is_answered_401()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.GetAsync("api/json/balance", Dialect001Client.Basic("vash", fixture.Token("ledger")));

        answer.AssertJsonError(401, "invalid_credentials");
    }

    [Fact]
    public async Task A_revoked_key_is_answered_401_api_key_revoked()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", Send("380989321001", "revoked"), fixture.Token("revoked"));

        answer.AssertJsonError(401, "api_key_revoked");
    }

    [Fact]
    public async Task The_operator_key_acts_for_no_customer_and_is_answered_401()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.GetAsync("api/json/senders", Dialect001Client.Bearer(fixture.OperatorToken));

        answer.AssertJsonError(401, "not_a_customer_key");
    }

    [Fact]
    public async Task Requests_over_the_key_request_rate_are_answered_429_with_Retry_After()
    {
        using var client = new Dialect001Client(fixture);
        var bearer = Dialect001Client.Bearer(fixture.Token("vash-rate"));

        var answers = await Task.WhenAll(Enumerable.Range(0, (Dialect001Fixture.RequestsPerSecond * 2) + 50).Select(_ => client.GetAsync("api/json/balance", bearer)));

        var limited = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
        limited[0].AssertJsonError(429, "rate_limited");
        Assert.All(limited, a => Assert.True(int.Parse(a.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture) >= 1));
    }

    [Fact]
    public async Task Numbers_over_the_key_message_rate_are_refused_throttled_and_then_the_request_429()
    {
        using var client = new Dialect001Client(fixture);
        var token = fixture.Token("vash-tps");

        // The key's rate is 2 messages a second with a burst of 2: of five numbers two go, three are throttled.
        var first = await client.PostJsonAsync("send", """{"src_addr":"VashZakaz","phone":["380989321011","380989321012","380989321013","380989321014","380989321015"],"message":"tps"}""", token);
        var second = await client.PostJsonAsync("send", Send("380989321016", "tps again"), token);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(["380989321011", "380989321012"], first.Json["success_request"]!["info"]!.AsObject().Select(e => e.Value!.GetValue<string>()));
        Assert.Equal(
            """{"380989321013":"throttled","380989321014":"throttled","380989321015":"throttled"}""",
            first.Json["success_request"]!["refused"]!.ToJsonString());
        second.AssertJsonError(429, "throttled");
        Assert.Equal("1", second.RetryAfter);
    }

    [Fact]
    public async Task The_same_text_to_the_same_number_again_is_refused_453_and_another_text_is_sent()
    {
        using var client = new Dialect001Client(fixture);
        var token = fixture.Token("vash");

        var first = await client.PostJsonAsync("send", Send("380989321021", "twice"), token);
        var again = await client.PostJsonAsync("send", Send("380989321021", "twice"), token);
        var plus = await client.PostJsonAsync("send", Send("+380989321021", "twice"), token);
        var otherText = await client.PostJsonAsync("send", Send("380989321021", "not twice"), token);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        again.AssertJsonError(453, "duplicate_message");
        plus.AssertJsonError(453, "duplicate_message");
        Assert.Equal(HttpStatusCode.OK, otherText.Status);
    }

    [Fact]
    public async Task A_number_twice_in_one_request_is_refused_453()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", """{"src_addr":"VashZakaz","phone":["380989321031","380989321031"],"message":"in one request"}""", fixture.Token("vash"));

        answer.AssertJsonError(453, "duplicate_message");
    }

    [Fact]
    public async Task A_partly_repeated_request_is_refused_whole_and_its_new_numbers_stay_free()
    {
        using var client = new Dialect001Client(fixture);
        var token = fixture.Token("vash");

        var first = await client.PostJsonAsync("send", Send("380989321041", "partly"), token);
        var partly = await client.PostJsonAsync("send", """{"src_addr":"VashZakaz","phone":["380989321042","380989321041"],"message":"partly"}""", token);
        var newOnly = await client.PostJsonAsync("send", Send("380989321042", "partly"), token);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        partly.AssertJsonError(453, "duplicate_message");
        Assert.Equal(["380989321042"], newOnly.Json["success_request"]!["info"]!.AsObject().Select(e => e.Value!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refused_send_does_not_count_as_sent_for_the_453_window()
    {
        using var client = new Dialect001Client(fixture);

        var refused = await client.PostJsonAsync("send", """{"src_addr":"Poor","phone":["447911100011"],"message":"retry me"}""", fixture.Token("poor"));
        var retried = await client.PostJsonAsync("send", """{"src_addr":"Poor","phone":["447911100011"],"message":"retry me"}""", fixture.Token("poor"));

        refused.AssertJsonError(400, "insufficient_balance");
        retried.AssertJsonError(400, "insufficient_balance");
    }
}
