using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>A dialect-001 answer as received: status, media type, body, and the headers tests look at.</summary>
internal sealed record Dialect001Answer(HttpStatusCode Status, string? MediaType, string Body, IReadOnlyList<string> Challenges, string? RetryAfter)
{
    public int Code => (int)Status;

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("null JSON");

    public XElement Xml => XDocument.Parse(Body).Root ?? throw new InvalidOperationException("no XML root");

    /// <summary>The machine code of a JSON error answer.</summary>
    public string? JsonErrorCode => Json["error_request"]?["code"]?.GetValue<string>();

    /// <summary>The machine code of an XML error answer.</summary>
    public string? XmlErrorCode => Xml.Element("error")?.Attribute("code")?.Value;

    /// <summary>Asserts the whole JSON body equals <paramref name="expected"/> (as JSON values, not text).</summary>
    public void AssertJson(HttpStatusCode status, string expected)
    {
        Assert.Equal(status, Status);
        Assert.Equal("application/json", MediaType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), Json), $"Expected {expected}\nbut got {Body}");
    }

    /// <summary>Asserts a whole JSON error answer: status, code, and the body's exact members.</summary>
    public void AssertJsonError(int status, string code)
    {
        Assert.True(status == Code, $"Expected {status} but got {Code}: {Body}");
        Assert.Equal("application/json", MediaType);
        var error = Json.AsObject();
        Assert.Equal(["error_request"], error.Select(p => p.Key));
        var body = error["error_request"]!.AsObject();
        Assert.Equal(["status", "code", "message"], body.Select(p => p.Key));
        Assert.Equal(status, body["status"]!.GetValue<int>());
        Assert.Equal(code, body["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["message"]!.GetValue<string>()));
    }

    /// <summary>Asserts a whole XML error answer: &lt;response&gt;&lt;error status code&gt;sentence&lt;/error&gt;&lt;/response&gt;.</summary>
    public void AssertXmlError(int status, string code)
    {
        Assert.True(status == Code, $"Expected {status} but got {Code}: {Body}");
        Assert.Equal("application/xml", MediaType);
        var root = Xml;
        Assert.Equal("response", root.Name.LocalName);
        var error = Assert.Single(root.Elements());
        Assert.Equal("error", error.Name.LocalName);
        Assert.Equal(["status", "code"], error.Attributes().Select(a => a.Name.LocalName));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Attribute("status")!.Value);
        Assert.Equal(code, error.Attribute("code")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(error.Value));
    }
}
