using System.Net.Http.Headers;
using System.Text;

namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>Sends dialect-001 requests as a client of that provider would: raw bodies, chosen headers.</summary>
internal sealed class Dialect001Client(Dialect001Fixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.Client();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    /// <summary>POSTs <paramref name="body"/> (UTF-8) as JSON to /api/json/<paramref name="operation"/> with Bearer <paramref name="token"/>.</summary>
    public Task<Dialect001Answer> PostJsonAsync(string operation, string body, string? token) =>
        PostAsync("api/json/" + operation, Encoding.UTF8.GetBytes(body), "application/json", token is null ? null : Bearer(token));

    /// <summary>POSTs <paramref name="body"/> (UTF-8) as application/xml to /api/xml, credentials only in the body unless given.</summary>
    public Task<Dialect001Answer> PostXmlAsync(string body, AuthenticationHeaderValue? authorization = null) =>
        PostAsync("api/xml", Encoding.UTF8.GetBytes(body), "application/xml", authorization);

    public async Task<Dialect001Answer> PostAsync(string path, byte[] body, string? contentType, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };

        // As careful clients do with large bodies: wait for the server's go-ahead, so a refusal is read, not reset.
        request.Headers.ExpectContinue = body.Length > 64 * 1024;
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        request.Headers.Authorization = authorization;
        return await SendAsync(request);
    }

    public async Task<Dialect001Answer> GetAsync(string path, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private async Task<Dialect001Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return new Dialect001Answer(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            body,
            response.Headers.WwwAuthenticate.Select(h => h.ToString()).ToList(),
            response.Headers.RetryAfter?.ToString());
    }
}
