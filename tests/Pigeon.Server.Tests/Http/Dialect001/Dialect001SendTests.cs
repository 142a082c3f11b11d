using System.Globalization;
using System.Net;
using System.Text;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>POST /api/json/send: what is refused, with which status and code, and what is sent.</summary>
[Collection(Dialect001Collection.Name)]
public sealed class Dialect001SendTests(Dialect001Fixture fixture)
{
    private static string Send(string phones, string message, string sender = "VashZakaz") =>
        $$"""{"src_addr":"{{sender}}","phone":{{phones}},"message":"{{message}}"}""";

    private static string[] SentPhones(Dialect001Answer answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var info = answer.Json["success_request"]!["info"]!.AsObject();
        Assert.All(info, entry => Assert.True(long.TryParse(entry.Key, out _), entry.Key));
        return [.. info.Select(entry => entry.Value!.GetValue<string>())];
    }

    [Fact]
    public async Task Bulk_of_100_numbers_is_sent_with_one_id_each_in_request_order()
    {
        using var client = new Dialect001Client(fixture);
        var phones = Enumerable.Range(0, 100).Select(i => "38098930" + i.ToString("0000", CultureInfo.InvariantCulture)).ToArray();

        var answer = await client.PostJsonAsync("send", Send("[\"" + string.Join("\",\"", phones) + "\"]", "bulk of a hundred"), fixture.Token("vash"));

        Assert.Equal(phones, SentPhones(answer));
        Assert.Equal(["info"], answer.Json["success_request"]!.AsObject().Select(p => p.Key));
        Assert.Equal(100, answer.Json["success_request"]!["info"]!.AsObject().Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public async Task More_than_100_numbers_are_refused_400_too_many_phones()
    {
        using var client = new Dialect001Client(fixture);
        var phones = Enumerable.Range(0, 101).Select(i => "\"38098931" + i.ToString("0000", CultureInfo.InvariantCulture) + "\"");

        var answer = await client.PostJsonAsync("send", Send("[" + string.Join(",", phones) + "]", "one too many"), fixture.Token("vash"));

        answer.AssertJsonError(400, "too_many_phones");
    }

    [Fact]
    public async Task A_number_written_as_a_JSON_integer_is_sent_to_its_digits()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", Send("[380989320001]", "integer number"), fixture.Token("vash"));

        Assert.Equal(["380989320001"], SentPhones(answer));
    }

    [Fact]
    public async Task Cyrillic_text_is_sent()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", Send("[\"380989320002\"]", "Ваш заказ готов"), fixture.Token("vash"));

        Assert.Equal(["380989320002"], SentPhones(answer));
    }

    [Theory]
    [InlineData("3.8e11")]
    [InlineData("-380989361131")]
    [InlineData("380989361131.0")]
    [InlineData("1e400")]
    [InlineData("\"38098936113a\"")]
    [InlineData("\"38 098 936 11 31\"")]
    [InlineData("\"\"")]
    [InlineData("\"+\"")]
    [InlineData("\"++380989361131\"")]
    [InlineData("\"3809893611312345678901\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[\"380989361131\"]")]
    public async Task A_number_of_a_bad_shape_is_refused_400_invalid_phone(string phone)
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", Send("[\"380989320003\"," + phone + "]", "bad shape"), fixture.Token("vash"));

        answer.AssertJsonError(400, "invalid_phone");
    }

    [Theory]
    [InlineData("""{"src_addr":"VashZakaz","message":"no phone"}""", "phone_required")]
    [InlineData("""{"src_addr":"VashZakaz","phone":[],"message":"empty phone"}""", "phone_required")]
    [InlineData("""{"src_addr":"VashZakaz","phone":["380989320004"]}""", "message_required")]
    [InlineData("""{"src_addr":"VashZakaz","phone":["380989320004"],"message":""}""", "message_required")]
    [InlineData("""{"phone":["380989320004"],"message":"no sender"}""", "src_addr_required")]
    [InlineData("""{"src_addr":"VashZakaz","phone":["380989320004"],"message":"long ref","integration_id":"12345678901234567890123456789012345678901234567890123456789012345"}""", "invalid_integration_id")]
    [InlineData("""{"src_addr":"VashZakaz","phone":["12"],"message":"too short"}""", "destination_too_short")]
    public async Task A_missing_or_invalid_field_is_refused_400_with_its_code(string body, string code)
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", body, fixture.Token("vash"));

        answer.AssertJsonError(400, code);
    }

    [Theory]
    [InlineData("{\"phone\": [")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("src_addr=VashZakaz&phone=380989320005&message=form")]
    [InlineData("""{"src_addr":"VashZakaz","phone":["380989320005"],"message":5}""")]
    [InlineData("""{"src_addr":"VashZakaz","phone":"380989320005","message":"not an array"}""")]
    public async Task A_body_that_is_not_the_JSON_object_is_refused_400_invalid_json(string body)
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", body, fixture.Token("vash"));

        answer.AssertJsonError(400, "invalid_json");
    }

    [Fact]
    public async Task Text_over_255_segments_is_refused_400_message_too_long()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", Send("[\"380989320006\"]", new string('a', (255 * 153) + 1)), fixture.Token("vash"));

        answer.AssertJsonError(400, "message_too_long");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=windows-1251")]
    [InlineData(null)]
    public async Task A_body_of_another_media_type_or_charset_is_refused_415(string? contentType)
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostAsync("api/json/send", Encoding.UTF8.GetBytes(Send("[\"380989320007\"]", "media type")), contentType, Dialect001Client.Bearer(fixture.Token("vash")));

        answer.AssertJsonError(415, "unsupported_media_type");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_413()
    {
        using var client = new Dialect001Client(fixture);

        var huge = Send("[\"380989320008\"]", new string('a', 2 * 1024 * 1024));
        var answer = await client.PostJsonAsync("send", huge, fixture.Token("vash"));

        answer.AssertJsonError(413, "body_too_large");
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_refused_400_invalid_utf8()
    {
        using var client = new Dialect001Client(fixture);
        var windows1251 = "{\"src_addr\":\"VashZakaz\",\"phone\":[\"380989320009\"],\"message\":\""u8.ToArray()
            .Concat(new byte[] { 0xEF, 0xF0, 0xE8, 0xE2, 0xB3, 0xF2 }) // "привіт" in windows-1251
            .Concat("\"}"u8.ToArray()).ToArray();

        var answer = await client.PostAsync("api/json/send", windows1251, "application/json", Dialect001Client.Bearer(fixture.Token("vash")));

        answer.AssertJsonError(400, "invalid_utf8");
    }

    [Theory]
    [InlineData("NotOurs")]
    [InlineData("380501112233")]
    [InlineData("vashzakaz")]
    public async Task A_sender_that_is_not_an_active_alpha_name_of_the_account_is_refused_400_sender_not_allowed(string sender)
    {
        using var client = new Dialect001Client(fixture);

        // 380501112233 is the account's sender, but numeric: the document allows alpha names only.
        var answer = await client.PostJsonAsync("send", Send("[\"380989320010\"]", "sender " + sender, sender), fixture.Token("vash"));

        answer.AssertJsonError(400, "sender_not_allowed");
    }

    [Fact]
    public async Task A_balance_too_low_is_refused_400_insufficient_balance()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", Send("[\"447911100001\"]", "no money", "Poor"), fixture.Token("poor"));

        answer.AssertJsonError(400, "insufficient_balance");
    }

    [Fact]
    public async Task Numbers_the_balance_does_not_cover_are_listed_as_refused_beside_those_sent()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", Send("[\"447911100002\",\"447911100003\"]", "one and a half", "Half"), fixture.Token("half"));

        var id = Assert.Single(answer.Json["success_request"]!["info"]!.AsObject()).Key;
        answer.AssertJson(HttpStatusCode.OK, """{"success_request":{"info":{"ID":"447911100002"},"refused":{"447911100003":"insufficient_balance"}}}""".Replace("ID", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_price_in_another_currency_than_the_balance_is_answered_503_as_the_service_cannot_take_it()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", Send("[\"12025550123\"]", "dollars", "Dollar"), fixture.Token("dollar"));

        answer.AssertJsonError(503, "currency_mismatch");
    }
}
