using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>The XML gateway: the four operations over POST /api/xml, and what it refuses (XXE included).</summary>
[Collection(Dialect001Collection.Name)]
public sealed class Dialect001XmlTests(Dialect001Fixture fixture)
{
    private string Auth(string key) => $"<auth token=\"{fixture.Token(key)}\"/>";

    private static void AssertWhole(Dialect001Answer answer, string expected)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/xml", answer.MediaType);
        Assert.True(XNode.DeepEquals(XElement.Parse(expected), answer.Xml), $"Expected {expected}\nbut got {answer.Body}");
    }

    [Fact]
    public async Task Send_answers_each_number_with_our_id_and_status_shows_the_integration_id()
    {
        using var client = new Dialect001Client(fixture);
        var sent = await client.PostXmlAsync($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <request>
              {Auth("vash-xml")}
              <send>
                <src_addr>VashZakaz</src_addr>
                <phone>380989323001</phone>
                <phone>+380989323002</phone>
                <message>Ваш заказ № 7 &amp; готов</message>
                <integration_id>order-7</integration_id>
              </send>
            </request>
            """);
        var ids = sent.Xml.Element("send")!.Elements("sms").Select(e => e.Attribute("id")!.Value).ToArray();
        AssertWhole(sent, $"""<response><send><sms id="{ids[0]}" phone="380989323001"/><sms id="{ids[1]}" phone="+380989323002"/></send></response>""");

        var status = await client.PostXmlAsync($"<request>{Auth("vash-xml")}<status><id_sms>{ids[0]}</id_sms><id_sms>{ids[1]}</id_sms><id_sms>42</id_sms></status></request>");

        var words = status.Xml.Element("status")!.Elements("sms").Select(e => e.Attribute("status")!.Value).ToArray();
        Assert.All(words, w => Assert.Contains(w, new[] { "ENROUTE", "DELIVRD" }));
        AssertWhole(status, $"""
            <response><status>
              <sms id="{ids[0]}" status="{words[0]}" integration_id="order-7"/>
              <sms id="{ids[1]}" status="{words[1]}" integration_id="order-7"/>
              <unknown id="42"/>
            </status></response>
            """);
    }

    [Fact]
    public async Task Senders_and_balance_with_login_and_password_in_auth()
    {
        using var client = new Dialect001Client(fixture);
        var auth = $"<auth login=\"ledger\" password=\"{fixture.Token("ledger")}\"/>";

        var senders = await client.PostXmlAsync($"<request>{auth}<senders/></request>");
        var balance = await client.PostXmlAsync($"<request>{auth}<balance/></request>");

        AssertWhole(senders, "<response><senders><sender>test1</sender><sender>test2</sender></senders></response>");
        AssertWhole(balance, "<response><balance><money>8111.1700</money><currency>UAH</currency></balance></response>");
    }

    [Fact]
    public async Task The_Authorization_header_works_in_place_of_auth()
    {
        using var client = new Dialect001Client(fixture);

        var balance = await client.PostXmlAsync("<request><balance/></request>", Dialect001Client.Basic("ledger", fixture.Token("ledger")));

        AssertWhole(balance, "<response><balance><money>8111.1700</money><currency>UAH</currency></balance></response>");
    }

    [Fact]
    public async Task No_credentials_are_answered_401_in_XML()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostXmlAsync("<request><balance/></request>");

        answer.AssertXmlError(401, "authentication_required");
        Assert.Equal(2, answer.Challenges.Count);
    }

    [Fact]
    public async Task An_external_entity_is_refused_and_nothing_of_the_file_is_read()
    {
        using var client = new Dialect001Client(fixture);
        var secret = Path.Combine(fixture.DataDirectory, "xxe-secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-XXE", TestContext.Current.CancellationToken);

        var answer = await client.PostXmlAsync($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE request [ <!ENTITY leak SYSTEM "file://{secret}"> ]>
            <request>{Auth("vash-xml")}<send><src_addr>VashZakaz</src_addr><phone>380989323011</phone><message>&leak;</message></send></request>
            """);

        answer.AssertXmlError(400, "dtd_not_allowed");
        Assert.DoesNotContain("TOP-SECRET", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entity_expansion_bomb_is_refused()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostXmlAsync("""
            <?xml version="1.0"?>
            <!DOCTYPE lol [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"> ]>
            <request><balance/>&c;</request>
            """);

        answer.AssertXmlError(400, "dtd_not_allowed");
    }

    [Theory]
    [InlineData("<request><balance/>", "invalid_xml")]
    [InlineData("not xml at all", "invalid_xml")]
    [InlineData("<request><balance/></request><request/>", "invalid_xml")]
    [InlineData("<query><balance/></query>", "invalid_request")]
    [InlineData("<request/>", "invalid_request")]
    [InlineData("<request><balance/><senders/></request>", "invalid_request")]
    [InlineData("<request><refund/></request>", "invalid_request")]
    [InlineData("<request><send><src_addr>VashZakaz</src_addr><phones>380989323021</phones><message>x</message></send></request>", "invalid_request")]
    [InlineData("<?xml version=\"1.0\" encoding=\"windows-1251\"?><request><balance/></request>", "unsupported_encoding")]
    public async Task A_body_that_is_not_a_request_of_the_schema_is_refused_400(string body, string code)
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostXmlAsync(body, Dialect001Client.Bearer(fixture.Token("vash-xml")));

        answer.AssertXmlError(400, code);
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_refused_400_invalid_utf8()
    {
        using var client = new Dialect001Client(fixture);
        var latin1 = Encoding.Latin1.GetBytes("<request><send><src_addr>VashZakaz</src_addr><phone>380989323031</phone><message>caf\u00e9</message></send></request>");

        var answer = await client.PostAsync("api/xml", latin1, "text/xml", Dialect001Client.Bearer(fixture.Token("vash-xml")));

        answer.AssertXmlError(400, "invalid_utf8");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/xml; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Another_media_type_or_charset_is_refused_415(string? contentType)
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostAsync("api/xml", "<request><balance/></request>"u8.ToArray(), contentType, Dialect001Client.Bearer(fixture.Token("vash-xml")));

        answer.AssertXmlError(415, "unsupported_media_type");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_413()
    {
        using var client = new Dialect001Client(fixture);

        var answer = await client.PostXmlAsync("<request><senders/><!--" + new string('x', 2 * 1024 * 1024) + "--></request>", Dialect001Client.Bearer(fixture.Token("vash-xml")));

        answer.AssertXmlError(413, "body_too_large");
    }

    [Fact]
    public async Task Validation_duplicates_and_sender_rules_are_the_same_as_in_JSON()
    {
        using var client = new Dialect001Client(fixture);
        string Send(string sender, string phones) => $"<request>{Auth("vash-xml")}<send><src_addr>{sender}</src_addr>{phones}<message>xml rules</message></send></request>";

        var tooMany = await client.PostXmlAsync(Send("VashZakaz", string.Concat(Enumerable.Range(0, 101).Select(i => $"<phone>3809893240{i:00}</phone>"))));
        var badPhone = await client.PostXmlAsync(Send("VashZakaz", "<phone>3.8e11</phone>"));
        var sender = await client.PostXmlAsync(Send("Stranger", "<phone>380989323041</phone>"));
        var first = await client.PostXmlAsync(Send("VashZakaz", "<phone>380989323042</phone>"));
        var repeat = await client.PostXmlAsync(Send("VashZakaz", "<phone>380989323042</phone>"));

        tooMany.AssertXmlError(400, "too_many_phones");
        badPhone.AssertXmlError(400, "invalid_phone");
        sender.AssertXmlError(400, "sender_not_allowed");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        repeat.AssertXmlError(453, "duplicate_message");
    }
}
