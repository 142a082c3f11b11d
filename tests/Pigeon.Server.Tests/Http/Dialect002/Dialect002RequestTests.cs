using System.Text;
using static Pigeon.Server.Tests.Http.Dialect002.Dialect002Requests;

namespace Pigeon.Server.Tests.Http.Dialect002;

/// <summary>Codes about the request as a whole: 4001, 4002 (account), 4003, 4004, 4005, 4022, 4029, 4030.</summary>
[Collection(Dialect002Collection.Name)]
public sealed class Dialect002RequestTests(Dialect002Fixture fixture)
{
    private const string Number = "8801912345670";

    [Fact]
    public async Task An_unknown_token_is_4001()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single("pgn_abcdefgh_" + new string('x', 40), Number, "hi", NewId()));

        Assert.Equal(401, status);
        Dialect002Json.AssertRefused(body, 4001, "Unauthorized");
    }

    [Fact]
    public async Task A_missing_token_is_4001()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(null, Number, "hi", NewId()));

        Assert.Equal(401, status);
        Dialect002Json.AssertRefused(body, 4001, "Unauthorized");
    }

    [Fact]
    public async Task A_revoked_key_is_4001()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenARevoked, Number, "hi", NewId()));

        Assert.Equal(401, status);
        Dialect002Json.AssertRefused(body, 4001, "Unauthorized");
    }

    [Fact]
    public async Task The_operator_key_which_acts_for_no_customer_is_4001()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.OperatorToken, Number, "hi", NewId()));

        Assert.Equal(401, status);
        Dialect002Json.AssertRefused(body, 4001, "Unauthorized");
    }

    [Fact]
    public async Task A_sid_that_is_not_the_customers_is_4002()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, Number, "hi", NewId(), sid: "BONLY"));

        Assert.Equal(403, status);
        Dialect002Json.AssertRefused(body, 4002, "SID/Stakeholder is not permitted");
    }

    [Fact]
    public async Task A_sid_longer_than_20_characters_is_4002()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, [Number], "hi", NewId(), sid: "ENGINEERINGENGINEERING"));

        Assert.Equal(403, status);
        Dialect002Json.AssertRefused(body, 4002, "SID/Stakeholder is not permitted");
    }

    [Fact]
    public async Task A_suspended_customer_is_4002()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenSuspended, Number, "hi", NewId()));

        Assert.Equal(403, status);
        Dialect002Json.AssertRefused(body, 4002, "SID/Stakeholder is not permitted");
    }

    [Fact]
    public async Task A_key_used_from_an_address_it_is_not_bound_to_is_4003()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenAOtherAddress, Number, "hi", NewId()));

        Assert.Equal(403, status);
        Dialect002Json.AssertRefused(body, 4003, "IP Blacklisted");
    }

    [Theory]
    [InlineData("POST", "/api/v3/send-sms/unknown")]
    [InlineData("POST", "/api/v3/")]
    [InlineData("GET", "/api/v3/send-sms/bulk")]
    [InlineData("PUT", "/api/v3/send-sms")]
    public async Task An_unknown_endpoint_or_method_under_api_v3_is_4004(string method, string path)
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        var (status, body, _) = await Dialect002Fixture.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(fixture.BaseAddress, path)) { Content = content });

        Assert.Equal(404, status);
        Dialect002Json.AssertRefused(body, 4004, "End point Not Found");
    }

    [Fact]
    public async Task Paths_outside_api_v3_are_not_answered_by_the_dialect()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v4/send-sms", "{}");

        Assert.Equal(404, status);
        Assert.Null(body);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_body_that_is_not_UTF8_JSON_by_its_content_type_is_4005_with_415(string contentType)
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, Number, "hi", NewId()), contentType);

        Assert.Equal(415, status);
        Dialect002Json.AssertRefused(body, 4005, "Invalid request format");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"api_token\": 12, \"sid\": \"ENGINEERING\"}")]
    [InlineData("{\"sms\": [\"Message Body\"]}")]
    [InlineData("{\"msisdn\": {\"number\": \"8801912345670\"}}")]
    [InlineData("{\"api_token\": \"x\",}")]
    [InlineData("{'api_token': 'x'}")]
    public async Task Malformed_JSON_or_a_field_of_the_wrong_type_is_4005(string json)
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", json);

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4005, "Invalid request format");
    }

    [Fact]
    public async Task A_bulk_msisdn_that_is_not_an_array_is_4005()
    {
        var json = $$"""{"api_token":"{{fixture.TokenA}}","sid":"ENGINEERING","msisdn":"01912345670","sms":"hi","batch_csms_id":"{{NewId()}}"}""";

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", json);

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4005, "Invalid request format");
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_4005()
    {
        var json = Encoding.UTF8.GetBytes(Single(fixture.TokenA, Number, "caf#", NewId()));
        json[Array.IndexOf(json, (byte)'#')] = 0xE9;

        var (status, body, _) = await fixture.PostBytesAsync("/api/v3/send-sms", json);

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4005, "Invalid request format");
    }

    [Fact]
    public async Task A_query_that_is_not_UTF8_is_4005()
    {
        var (status, body, _) = await fixture.GetAsync($"/api/v3/send-sms?api_token={fixture.TokenA}&sid=ENGINEERING&msisdn={Number}&sms=caf%E9&csms_id={NewId()}");

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4005, "Invalid request format");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_4005_with_413()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, Number, new string('a', 70_000), NewId()));

        Assert.Equal(413, status);
        Dialect002Json.AssertRefused(body, 4005, "Invalid request format");
    }

    [Theory]
    [InlineData(null, "8801912345670", "hi", "id")]
    [InlineData("ENGINEERING", null, "hi", "id")]
    [InlineData("ENGINEERING", "8801912345670", null, "id")]
    [InlineData("ENGINEERING", "8801912345670", "hi", null)]
    [InlineData("ENGINEERING", "", "hi", "id")]
    [InlineData("ENGINEERING", "8801912345670", " ", "id")]
    public async Task A_missing_parameter_of_a_single_SMS_is_4022(string? sid, string? msisdn, string? sms, string? csmsId)
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, msisdn, sms, csmsId is null ? null : NewId(), sid));

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4022, "Required Parameter Missing");
    }

    [Fact]
    public async Task A_bulk_request_without_numbers_is_4022()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, [], "hi", NewId()));

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4022, "Required Parameter Missing");
    }

    [Fact]
    public async Task A_dynamic_message_without_text_is_4022()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/dynamic", Dynamic(fixture.TokenA, [(Number, "hi", NewId()), ("01912345671", null, NewId())]));

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4022, "Required Parameter Missing");
    }

    [Fact]
    public async Task Requests_beyond_the_keys_burst_are_4029_with_Retry_After()
    {
        var json = Single(fixture.TokenARequestLimit, Number, null, NewId());
        var answers = await Task.WhenAll(Enumerable.Range(0, Dialect002Fixture.RequestBurst + 50).Select(_ => fixture.PostAsync("/api/v3/send-sms", json)));

        var limited = answers.Where(a => a.Status == 429).ToList();
        Assert.NotEmpty(limited);
        Dialect002Json.AssertRefused(limited[0].Body, 4029, "Too many requests");
        Assert.True(limited[0].Response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.All(answers.Where(a => a.Status != 429), a => Dialect002Json.AssertRefused(a.Body, 4022, "Required Parameter Missing"));
    }

    [Fact]
    public async Task A_bulk_request_to_more_than_100_numbers_is_4030()
    {
        var numbers = Enumerable.Range(0, 101).Select(i => $"0191200{i:D4}");

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, numbers, "hi", NewId()));

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4030, "Limit Exceed");
    }

    [Fact]
    public async Task A_dynamic_request_of_more_than_100_messages_is_4030()
    {
        var items = Enumerable.Range(0, 101).Select(i => ((string?)$"0191200{i:D4}", (string?)"hi", (string?)NewId()));

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/dynamic", Dynamic(fixture.TokenA, items));

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4030, "Limit Exceed");
    }
}
