using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>The OpenAPI document and the interactive reference, served by serve itself (no CDN).</summary>
[Collection(NativeApiCollection.Name)]
public sealed partial class NativeDocsTests(NativeApiFixture fixture)
{
    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_with_summaries_responses_and_the_bearer_scheme()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var text = await http.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;

        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");
        var operations = new[]
        {
            ("/v1/messages", "post"), ("/v1/messages/batch", "post"), ("/v1/messages/{id}", "get"),
            ("/v1/messages", "get"), ("/v1/balance", "get"), ("/v1/senders", "get"),
        };
        foreach (var (path, method) in operations)
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), path);
            Assert.True(operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')), path);
            Assert.Equal("bearer", Assert.Single(Assert.Single(operation.GetProperty("security").EnumerateArray()).EnumerateObject()).Name);
        }

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var to = root.GetProperty("components").GetProperty("schemas").GetProperty("SendMessageRequest").GetProperty("properties").GetProperty("to");
        Assert.Equal(2, to.GetProperty("oneOf").GetArrayLength());
    }

    [Fact]
    public async Task Docs_answer_HTML_whose_scripts_are_served_here()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var response = await http.GetAsync("docs", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.False(Uri.TryCreate(script, UriKind.Absolute, out _), script);
            using var js = await http.GetAsync(new Uri(response.RequestMessage!.RequestUri!, script), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);
            Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
