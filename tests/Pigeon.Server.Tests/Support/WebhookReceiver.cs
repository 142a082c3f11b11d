using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pigeon.Server.Tests.Support;

/// <summary>One request a <see cref="WebhookReceiver"/> got: when, its Pigeon headers, the raw body and what it answered.</summary>
internal sealed record ReceivedWebhook(DateTimeOffset At, string EventId, string EventType, string Signature, byte[] Body, int Answer)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public JsonElement Data => Json.GetProperty("data");
}

/// <summary>
/// A real HTTP endpoint for webhook tests: Kestrel on a free loopback port, recording every request and answering
/// what the test's function says for it (given how many times that event id came before). The function may also
/// hang, to test time-outs.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>The requests answered, in the order their answers were made (a request cut off by its sender is not here).</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>How many requests came for <paramref name="eventId"/>, answered or not.</summary>
    public int TimesSeen(string eventId) => _seen.TryGetValue(eventId, out var before) ? before + 1 : 0;

    /// <summary>Every event id that came, answered or not.</summary>
    public IReadOnlyCollection<string> EventIds => [.. _seen.Keys];

    /// <summary>Starts a receiver; <paramref name="answer"/> gets the event id and how many times it came before, and returns the status.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<string, int, CancellationToken, Task<int>> answer)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { Url = $"http://127.0.0.1:{port}/hooks" };
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            var eventId = http.Request.Headers["Pigeon-Event-Id"].ToString();
            var before = receiver._seen.AddOrUpdate(eventId, 0, (_, n) => n + 1);
            var at = DateTimeOffset.UtcNow;
            var status = await answer(eventId, before, http.RequestAborted);
            receiver._received.Enqueue(new ReceivedWebhook(
                at, eventId, http.Request.Headers["Pigeon-Event-Type"].ToString(), http.Request.Headers["Pigeon-Signature"].ToString(), body.ToArray(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="condition"/> holds over what was received; false at the time-out.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(Received))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition(Received);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
