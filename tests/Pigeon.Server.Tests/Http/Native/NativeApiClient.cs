using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>An HTTP client of the native API with one key, and its answers read as JSON.</summary>
internal sealed class NativeApiClient : IDisposable
{
    private readonly HttpClient _http;

    public NativeApiClient(Uri baseAddress, string? key, string? authorization = null)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        else if (authorization is not null)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }
    }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Task<Answer> PostJsonAsync(string path, string json, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), idempotencyKey);

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public async Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content, string? idempotencyKey = null, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        using var response = await _http.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers);
    }

    /// <summary>Reads a message until its status is <paramref name="status"/>; the last reading either way.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string id, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var answer = await GetAsync("v1/messages/" + id);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            if (answer.Json.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                return answer.Json;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>One answer: status, media type, body, and the body parsed.</summary>
    internal sealed record Answer(HttpStatusCode Status, string? MediaType, string Body, HttpResponseHeaders Headers)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        /// <summary>The problem's code; asserts the answer is a problem.</summary>
        public string Code
        {
            get
            {
                Assert.Equal("application/problem+json", MediaType);
                Assert.Equal((int)Status, Json.GetProperty("status").GetInt32());
                return Json.GetProperty("code").GetString()!;
            }
        }

        public IReadOnlyList<JsonElement> Messages => [.. Json.GetProperty("messages").EnumerateArray()];
    }
}
