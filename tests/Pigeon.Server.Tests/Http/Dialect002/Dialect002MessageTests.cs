using static Pigeon.Server.Tests.Http.Dialect002.Dialect002Requests;

namespace Pigeon.Server.Tests.Http.Dialect002;

/// <summary>Codes about the messages: 4002 (numeric sender), 4020, 4023, 4025, 4026, 4027, 4028, 4031, 5000, and the per-SMS statuses.</summary>
[Collection(Dialect002Collection.Name)]
public sealed class Dialect002MessageTests(Dialect002Fixture fixture)
{
    private const string Bangla = "আমার সোনার বাংলা";

    [Theory]
    [InlineData("bad-id")]
    [InlineData("id with space")]
    [InlineData("০১২৩")]
    [InlineData("A23456789012345678901234567890123")]
    public async Task A_csms_id_that_is_not_1_to_32_letters_and_digits_is_4020(string csmsId)
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345601", "hi", csmsId));

        Assert.Equal(400, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 4020, "Invalid CSMS ID", Info("INVALID", "Invalid CSMS ID", "01912345601", "hi", csmsId, false)), body, fixture.CustomerA);
    }

    [Fact]
    public async Task An_invalid_batch_csms_id_is_4020()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["01912345602"], "hi", "batch#1"));

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4020, "Invalid CSMS ID");
    }

    [Fact]
    public async Task A_csms_id_used_again_the_same_day_is_4023_with_a_DUPLICATE_SMS()
    {
        var id = NewId();
        var (first, _, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345603", "first", id));

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345604", "second", id));

        Assert.Equal(200, first);
        Assert.Equal(409, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 4023, "Duplicate CMS ID", Info("DUPLICATE", "Duplicate CMS ID", "8801912345604", "second", id, false)), body, fixture.CustomerA);
    }

    [Fact]
    public async Task A_batch_csms_id_used_again_is_4023()
    {
        var id = NewId();
        var (first, _, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["01912345605"], "hi", id));

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["01912345606"], "hi", id));

        Assert.Equal(200, first);
        Assert.Equal(409, status);
        Dialect002Json.AssertRefused(body, 4023, "Duplicate CMS ID");
    }

    [Fact]
    public async Task A_refused_SMS_does_not_use_up_its_csms_id()
    {
        var id = NewId();
        var (refused, _, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "0191", "hi", id));

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345607", "hi", id));

        Assert.Equal(400, refused);
        Assert.Equal(200, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(true, 200, "", Info("SUCCESS", "Success", "8801912345607", "hi", id, true)), body, fixture.CustomerA);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("+")]
    [InlineData("0191234567X")]
    [InlineData("01912 345678")]
    [InlineData("-8801912345678")]
    [InlineData("1.5")]
    [InlineData("88019123456789012")]
    [InlineData("123")]
    [InlineData("880191234")]
    [InlineData("+99912345678")]
    [InlineData("00000000000")]
    public async Task A_number_of_a_bad_shape_is_4025_with_an_INVALID_SMS(string msisdn)
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, msisdn, "hi", id));

        Assert.Equal(400, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 4025, "Invalid MSISDN", Info("INVALID", "Invalid MSISDN", msisdn, "hi", id, false)), body, fixture.CustomerA);
    }

    [Fact]
    public async Task A_number_sent_as_a_JSON_number_is_read_as_its_digits()
    {
        var id = NewId();
        var json = $$"""{"api_token":"{{fixture.TokenA}}","sid":"ENGINEERING","msisdn":8801912345608,"sms":"hi","csms_id":"{{id}}"}""";

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", json);

        Assert.Equal(200, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(true, 200, "", Info("SUCCESS", "Success", "8801912345608", "hi", id, true)), body, fixture.CustomerA);
    }

    [Fact]
    public async Task A_number_blocked_for_everyone_is_4026()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenB, "01711000001", "hi", id));

        Assert.Equal(422, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 4026, "Blocked MSISDN", Info("INVALID", "Blocked MSISDN", Dialect002Fixture.BlockedForEveryone, "hi", id, false)), body, fixture.CustomerB);
    }

    [Fact]
    public async Task A_number_blocked_for_one_customer_is_4026_for_it_and_sent_for_another()
    {
        var (mine, mineBody, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01711000002", "hi", NewId()));
        var (theirs, theirBody, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenB, "01711000002", "hi", NewId()));

        Assert.Equal(422, mine);
        Assert.Equal(4026, mineBody!["status_code"]!.GetValue<int>());
        Assert.Equal(200, theirs);
        Assert.Equal("SUCCESS", theirBody!["smsinfo"]![0]!["sms_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_text_over_1000_characters_is_4027()
    {
        var id = NewId();
        var text = new string('a', 1001);

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345609", text, id));

        Assert.Equal(400, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 4027, "Message length exceeded", Info("INVALID", "Message length exceeded", "8801912345609", text, id, false)), body, fixture.CustomerA);
    }

    [Fact]
    public async Task A_Unicode_text_over_1000_characters_is_4027_and_BN()
    {
        var id = NewId();
        var text = string.Concat(Enumerable.Repeat(Bangla, 63))[..1001];

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345610", text, id));

        Assert.Equal(400, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 4027, "Message length exceeded", Info("INVALID", "Message length exceeded", "8801912345610", text, id, false, "BN")), body, fixture.CustomerA);
    }

    [Fact]
    public async Task A_text_of_1000_characters_is_sent()
    {
        var id = NewId();
        var text = new string('b', 1000);

        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345611", text, id));

        Assert.Equal(200, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(true, 200, "", Info("SUCCESS", "Success", "8801912345611", text, id, true)), body, fixture.CustomerA);
    }

    [Fact]
    public async Task A_Unicode_text_is_sent_as_BN()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345612", Bangla, id));

        Assert.Equal(200, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(true, 200, "", Info("SUCCESS", "Success", "8801912345612", Bangla, id, true, "BN")), body, fixture.CustomerA);
    }

    [Fact]
    public async Task A_bulk_text_over_1000_characters_is_4027()
    {
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["01912345613"], new string('c', 1001), NewId()));

        Assert.Equal(400, status);
        Dialect002Json.AssertRefused(body, 4027, "Message length exceeded");
    }

    [Fact]
    public async Task A_number_repeated_in_a_bulk_request_is_sent_once_and_DUPLICATE_after()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["01912345614", "8801912345614", "0191"], "hi", id));

        Assert.Equal(200, status);
        await Dialect002Json.AssertAnswerAsync(
            fixture,
            Answer(
                true,
                200,
                "",
                Info("SUCCESS", "Success", "8801912345614", "hi", id, true),
                Info("DUPLICATE", "Duplicate MSISDN", "8801912345614", "hi", id, false),
                Info("INVALID", "Invalid MSISDN", "0191", "hi", id, false)),
            body,
            fixture.CustomerA);
    }

    [Fact]
    public async Task A_bulk_request_in_which_no_SMS_succeeds_is_4028_listing_each()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["0191", "01711000001"], "hi", id));

        Assert.Equal(422, status);
        await Dialect002Json.AssertAnswerAsync(
            fixture,
            Answer(false, 4028, "Invalid message data", Info("INVALID", "Invalid MSISDN", "0191", "hi", id, false), Info("INVALID", "Blocked MSISDN", Dialect002Fixture.BlockedForEveryone, "hi", id, false)),
            body,
            fixture.CustomerA);
    }

    [Fact]
    public async Task A_dynamic_request_marks_each_SMS_and_is_4028_when_none_succeeds()
    {
        var used = NewId();
        await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345615", "hi", used));
        var (fresh, other) = (NewId(), NewId());
        var long1001 = new string('d', 1001);

        var (status, body, _) = await fixture.PostAsync(
            "/api/v3/send-sms/dynamic",
            Dynamic(fixture.TokenA, [("01912345616", "one", used), ("01912345617", "two", "bad-id"), ("01912345618", long1001, fresh), ("019", "four", other)]));

        Assert.Equal(422, status);
        await Dialect002Json.AssertAnswerAsync(
            fixture,
            Answer(
                false,
                4028,
                "Invalid message data",
                Info("DUPLICATE", "Duplicate CMS ID", "8801912345616", "one", used, false),
                Info("INVALID", "Invalid CSMS ID", "01912345617", "two", "bad-id", false),
                Info("INVALID", "Message length exceeded", "8801912345618", long1001, fresh, false),
                Info("INVALID", "Invalid MSISDN", "019", "four", other, false)),
            body,
            fixture.CustomerA);
    }

    [Fact]
    public async Task A_dynamic_request_sends_what_it_can_and_marks_a_repeated_number_and_a_repeated_csms_id()
    {
        var (first, second) = (NewId(), NewId());

        var (status, body, _) = await fixture.PostAsync(
            "/api/v3/send-sms/dynamic",
            Dynamic(fixture.TokenA, [("01912345620", "one", first), ("+8801912345620", "two", second), ("01912345631", "three", first)]));

        Assert.Equal(200, status);
        await Dialect002Json.AssertAnswerAsync(
            fixture,
            Answer(
                true,
                200,
                "",
                Info("SUCCESS", "Success", "8801912345620", "one", first, true),
                Info("DUPLICATE", "Duplicate MSISDN", "8801912345620", "two", second, false),
                Info("DUPLICATE", "Duplicate CMS ID", "8801912345631", "three", first, false)),
            body,
            fixture.CustomerA);
    }

    [Fact]
    public async Task Messages_beyond_the_keys_rate_are_TPS_Exceeded_and_a_single_one_is_4031()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA2PerSecond, ["01912345621", "01912345622", "01912345623", "01912345624", "01912345625"], "hi", id));

        Assert.Equal(200, status);
        var statuses = body!["smsinfo"]!.AsArray().Select(i => i!["status_message"]!.GetValue<string>()).ToList();
        Assert.Equal(["Success", "Success", "TPS Exceeded", "TPS Exceeded", "TPS Exceeded"], statuses);

        var throttled = await FirstThrottledSingleAsync();
        Assert.Equal(429, throttled.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Response.Headers.RetryAfter?.Delta);
        await Dialect002Json.AssertAnswerAsync(
            fixture,
            Answer(false, 4031, "TPS Exceeded", Info("FAILED", "TPS Exceeded", "8801912345626", "hi", throttled.Body!["smsinfo"]![0]!["csms_id"]!.GetValue<string>(), false)),
            throttled.Body,
            fixture.CustomerA);
    }

    [Fact]
    public async Task A_numeric_sid_that_is_not_the_customers_is_4002_for_the_SMS()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345627", "hi", id, sid: "8801911999999"));

        Assert.Equal(403, status);
        await Dialect002Json.AssertAnswerAsync(
            fixture,
            Answer(false, 4002, "SID/Stakeholder is not permitted", Info("FAILED", "SID/Stakeholder is not permitted", "8801912345627", "hi", id, false)),
            body,
            fixture.CustomerA);
    }

    [Fact]
    public async Task A_balance_too_low_is_5000_with_402()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenPoor, "01912345628", "hi", id));

        Assert.Equal(402, status);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 5000, "Insufficient balance", Info("FAILED", "Insufficient balance", "8801912345628", "hi", id, false)), body, 0);
    }

    [Fact]
    public async Task A_bulk_request_none_of_which_the_balance_covers_is_5000_with_402()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenPoor, ["01912345629", "01912345630"], "hi", id));

        Assert.Equal(402, status);
        await Dialect002Json.AssertAnswerAsync(
            fixture,
            Answer(false, 5000, "Insufficient balance", Info("FAILED", "Insufficient balance", "8801912345629", "hi", id, false), Info("FAILED", "Insufficient balance", "8801912345630", "hi", id, false)),
            body,
            0);
    }

    private async Task<(int Status, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage Response)> FirstThrottledSingleAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            var answer = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA2PerSecond, "01912345626", "hi", NewId()));
            if (answer.Status != 200)
            {
                return answer;
            }
        }

        throw new InvalidOperationException("No request of 50 was throttled at 2 messages per second.");
    }
}
