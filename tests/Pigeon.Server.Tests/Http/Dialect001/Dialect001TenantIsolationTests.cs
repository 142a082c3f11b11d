using System.Net;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>Customer A's key cannot read, list or affect customer B's messages, senders or balance, in JSON or XML.</summary>
[Collection(Dialect001Collection.Name)]
public sealed class Dialect001TenantIsolationTests(Dialect001Fixture fixture)
{
    private async Task<string> SendAsVashAsync(Dialect001Client client, string phone, string text)
    {
        var sent = await client.PostJsonAsync("send", $$"""{"src_addr":"VashZakaz","phone":["{{phone}}"],"message":"{{text}}","integration_id":"secret-ref"}""", fixture.Token("vash"));
        return Assert.Single(sent.Json["success_request"]!["info"]!.AsObject()).Key;
    }

    [Fact]
    public async Task Another_customer_reads_our_id_as_unknown_in_JSON()
    {
        using var client = new Dialect001Client(fixture);
        var id = await SendAsVashAsync(client, "380989325001", "isolated json");

        var theirs = await client.PostJsonAsync("status", $$"""{"id_sms":["{{id}}"]}""", fixture.Token("other"));
        var ours = await client.PostJsonAsync("status", $$"""{"id_sms":["{{id}}"]}""", fixture.Token("vash"));

        theirs.AssertJson(HttpStatusCode.OK, """{"success_request":{"info":{},"unknown":["ID"]}}""".Replace("ID", id, StringComparison.Ordinal));
        Assert.NotNull(ours.Json["success_request"]!["info"]![id]);
    }

    [Fact]
    public async Task Another_customer_reads_our_id_as_unknown_in_XML_and_never_sees_its_integration_id()
    {
        using var client = new Dialect001Client(fixture);
        var id = await SendAsVashAsync(client, "380989325002", "isolated xml");

        var theirs = await client.PostXmlAsync($"<request><auth token=\"{fixture.Token("other")}\"/><status><id_sms>{id}</id_sms></status></request>");

        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.Equal($"<response><status><unknown id=\"{id}\" /></status></response>", theirs.Xml.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        Assert.DoesNotContain("secret-ref", theirs.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Senders_and_balance_are_only_the_caller_own()
    {
        using var client = new Dialect001Client(fixture);

        var senders = await client.GetAsync("api/json/senders", Dialect001Client.Bearer(fixture.Token("other")));
        var balance = await client.GetAsync("api/json/balance", Dialect001Client.Bearer(fixture.Token("other")));

        senders.AssertJson(HttpStatusCode.OK, """{"success_request":{"info":["Other"]}}""");
        Assert.Equal("EUR", balance.Json["success_request"]!["info"]!["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_customer_cannot_send_from_our_sender_name()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostJsonAsync("send", """{"src_addr":"VashZakaz","phone":["447911100021"],"message":"borrowed name"}""", fixture.Token("other"));

        answer.AssertJsonError(400, "sender_not_allowed");
    }

    [Fact]
    public async Task Our_sends_do_not_make_another_customer_same_send_a_repeat()
    {
        using var client = new Dialect001Client(fixture);
        await SendAsVashAsync(client, "447911100031", "same words");

        var theirs = await client.PostJsonAsync("send", """{"src_addr":"Other","phone":["447911100031"],"message":"same words"}""", fixture.Token("other"));

        Assert.Equal(HttpStatusCode.OK, theirs.Status);
    }
}
