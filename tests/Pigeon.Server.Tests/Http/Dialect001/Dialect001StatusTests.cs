using System.Globalization;
using System.Net;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>POST /api/json/status: the ids it takes and how it answers them.</summary>
[Collection(Dialect001Collection.Name)]
public sealed class Dialect001StatusTests(Dialect001Fixture fixture)
{
    [Fact]
    public async Task Ids_given_as_strings_or_numbers_are_answered_in_one_info_and_unknown_ones_beside_it()
    {
        using var client = new Dialect001Client(fixture);
        var token = fixture.Token("vash");
        var sent = await client.PostJsonAsync("send", """{"src_addr":"VashZakaz","phone":["380989322001","380989322002"],"message":"status pair"}""", token);
        var ids = sent.Json["success_request"]!["info"]!.AsObject().Select(e => e.Key).ToArray();

        var status = await client.PostJsonAsync("status", $$"""{"id_sms":["{{ids[0]}}",{{ids[1]}},"{{ids[0]}}","1"]}""", token);

        Assert.Equal(HttpStatusCode.OK, status.Status);
        var info = status.Json["success_request"]!["info"]!.AsObject();
        Assert.Equal(ids, info.Select(e => e.Key));
        Assert.All(info, e => Assert.Contains(e.Value!.GetValue<string>(), new[] { "ENROUTE", "DELIVRD" }));
        Assert.Equal("""["1"]""", status.Json["success_request"]!["unknown"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"id_sms":[]}""", "id_sms_required")]
    [InlineData("""{}""", "id_sms_required")]
    [InlineData("""{"id_sms":["abc"]}""", "invalid_id")]
    [InlineData("""{"id_sms":["-106"]}""", "invalid_id")]
    [InlineData("""{"id_sms":[1.5]}""", "invalid_id")]
    [InlineData("""{"id_sms":["0"]}""", "invalid_id")]
    [InlineData("""{"id_sms":["99999999999999999999"]}""", "invalid_id")]
    [InlineData("""{"id_sms":[null]}""", "invalid_id")]
    public async Task Missing_or_malformed_ids_are_refused_400(string body, string code)
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("status", body, fixture.Token("vash"));

        answer.AssertJsonError(400, code);
    }

    [Fact]
    public async Task More_than_100_ids_are_refused_400_too_many_ids()
    {
        using var client = new Dialect001Client(fixture);
        var ids = string.Join(",", Enumerable.Range(1, 101).Select(i => i.ToString(CultureInfo.InvariantCulture)));

        var answer = await client.PostJsonAsync("status", "{\"id_sms\":[" + ids + "]}", fixture.Token("vash"));

        answer.AssertJsonError(400, "too_many_ids");
    }

    [Fact]
    public async Task Status_is_a_POST_with_a_JSON_body_and_other_media_types_are_refused_415()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostAsync("api/json/status", "id_sms=106"u8.ToArray(), "application/x-www-form-urlencoded", Dialect001Client.Bearer(fixture.Token("vash")));

        answer.AssertJsonError(415, "unsupported_media_type");
    }
}
