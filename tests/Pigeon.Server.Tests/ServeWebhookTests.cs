using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pigeon.Gateway.Webhooks;
using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Protocol;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Tests;

/// <summary>
/// Webhooks from `pigeon serve` as a real process to a real HTTP receiver on loopback: signed, retried on errors
/// and time-outs, in order per message, and never in the way of submission. Retry timings are shortened through
/// PIGEON__Webhooks__* variables, and private addresses are allowed (the receiver is on loopback) except where a test
/// checks that, by default, they are refused.
/// </summary>
public sealed class ServeWebhookTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("pigeon-webhooks-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_receipt_webhook_arrives_with_a_signature_that_verifies_under_the_customer_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, _, _) => Task.FromResult(200));
        await using var serve = await StartServeAsync();
        var secret = await SetDemoWebhooksAsync(receiver.Url);
        await using var customer = await BindDemoAsync(serve);

        var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123501", "signed"), Ct);
        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.True(await receiver.WaitForAsync(r => r.Any(w => IsFinal(w, response.MessageId)), Wait));

        var final = receiver.Received.Single(w => IsFinal(w, response.MessageId));
        var parts = final.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var signed = Encoding.UTF8.GetBytes(parts["t"] + ".").Concat(final.Body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        Assert.Equal(expected, parts["v1"]);
        Assert.InRange(long.Parse(parts["t"], CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("message.status", final.EventType);
        Assert.Equal(final.EventId, final.Json.GetProperty("id").GetString());
        Assert.Equal("message.status", final.Json.GetProperty("type").GetString());
        Assert.Equal("447911123501", final.Data.GetProperty("to").GetString());
        Assert.Equal("Pigeon", final.Data.GetProperty("from").GetString());
        Assert.Equal("DELIVRD", final.Data.GetProperty("smpp_stat").GetString());
        Assert.Equal(1, final.Data.GetProperty("segments").GetInt32());
    }

    [Fact]
    public async Task A_receiver_answering_500_gets_the_event_again_and_the_log_shows_both_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, before, _) => Task.FromResult(before == 0 ? 500 : 200));
        await using var serve = await StartServeAsync();
        await SetDemoWebhooksAsync(receiver.Url);
        await using var customer = await BindDemoAsync(serve);

        var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123502", "retry on 500"), Ct);
        Assert.True(await receiver.WaitForAsync(r => r.Any(w => IsFinal(w, response.MessageId) && w.Answer == 200), Wait));

        var final = receiver.Received.Where(w => IsFinal(w, response.MessageId)).ToList();
        Assert.Equal([500, 200], final.Select(w => w.Answer));
        Assert.Equal(final[0].Body, final[1].Body);
        var log = await ReadLogAsync(l => l.Count(d => d.EventId.ToString(CultureInfo.InvariantCulture) == final[0].EventId) == 2);
        var attempts = log.Where(d => d.EventId.ToString(CultureInfo.InvariantCulture) == final[0].EventId).OrderBy(d => d.Attempt).ToList();
        Assert.Equal((1, WebhookAttemptOutcome.Retrying, (int?)500), (attempts[0].Attempt, attempts[0].Outcome, attempts[0].HttpStatus));
        Assert.Equal((2, WebhookAttemptOutcome.Delivered, (int?)200), (attempts[1].Attempt, attempts[1].Outcome, attempts[1].HttpStatus));
    }

    [Fact]
    public async Task A_receiver_that_hangs_past_the_time_out_gets_the_event_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (_, before, ct) =>
        {
            if (before == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return 200;
        });
        await using var serve = await StartServeAsync();
        await SetDemoWebhooksAsync(receiver.Url);
        await using var customer = await BindDemoAsync(serve);

        var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123503", "retry on time-out"), Ct);
        Assert.True(await receiver.WaitForAsync(r => r.Any(w => IsFinal(w, response.MessageId)), Wait));

        var final = receiver.Received.Single(w => IsFinal(w, response.MessageId));
        Assert.Equal(2, receiver.TimesSeen(final.EventId));
        var log = await ReadLogAsync(l => l.Any(d => d.EventId.ToString(CultureInfo.InvariantCulture) == final.EventId && d.Attempt == 2));
        var first = log.Single(d => d.EventId.ToString(CultureInfo.InvariantCulture) == final.EventId && d.Attempt == 1);
        Assert.Equal(WebhookAttemptOutcome.Retrying, first.Outcome);
        Assert.Null(first.HttpStatus);
        Assert.Contains("no answer within", first.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_messages_final_event_is_not_sent_before_its_enroute_event_is_delivered()
    {
        // Every enroute event fails twice, so the final event, due at once, must wait behind it.
        await using var receiver = await WebhookReceiver.StartAsync((_, before, _) => Task.FromResult(before < 2 ? 503 : 200));
        await using var serve = await StartServeAsync();
        await SetDemoWebhooksAsync(receiver.Url);
        await using var customer = await BindDemoAsync(serve);

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await customer.Client.SubmitAsync(CustomerClient.Text($"44791112360{i}", "in order"), Ct)).MessageId);
        }

        Assert.True(await receiver.WaitForAsync(r => ids.All(id => r.Any(w => IsFinal(w, id) && w.Answer == 200)), Wait));
        foreach (var id in ids)
        {
            var events = receiver.Received.Where(w => w.Data.GetProperty("message_id").GetString() == id).ToList();
            // Delivery is at least once: on a loaded machine an answer can come after the attempt's time-out and the
            // event is sent again, so the first answered delivery is the one the final event must wait for.
            var enrouteDelivered = events.First(w => w.Data.GetProperty("status").GetString() == "enroute" && w.Answer == 200);
            var firstFinal = events.First(w => w.Data.GetProperty("status").GetString() != "enroute");
            Assert.True(firstFinal.At >= enrouteDelivered.At, $"message {id}: final event came before its enroute event was delivered");
            Assert.True(long.Parse(firstFinal.EventId, CultureInfo.InvariantCulture) > long.Parse(enrouteDelivered.EventId, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task By_default_a_webhook_to_a_name_resolving_to_loopback_is_refused_at_delivery_and_logged_as_failed()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, _, _) => Task.FromResult(200));
        await using var serve = await StartServeAsync(allowPrivateAddresses: false);
        await SetDemoWebhooksAsync(new UriBuilder(receiver.Url) { Host = "localhost" }.Uri.AbsoluteUri);
        await using var customer = await BindDemoAsync(serve);

        var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123504", "not into our network"), Ct);
        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        var log = await ReadLogAsync(l => l.Any(d => d.Error?.Contains("refused to connect", StringComparison.Ordinal) == true));

        var refused = log.First(d => d.Error?.Contains("refused to connect", StringComparison.Ordinal) == true);
        Assert.Equal(WebhookAttemptOutcome.Retrying, refused.Outcome);
        Assert.Null(refused.HttpStatus);
        Assert.Contains("localhost resolves to", refused.Error, StringComparison.Ordinal);
        Assert.Contains(WebhookUrl.AllowPrivateAddressesSetting, refused.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.EventIds);
    }

    [Fact]
    public async Task Submits_are_answered_normally_while_every_webhook_hangs_until_its_time_out()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return 200;
        });
        await using var serve = await StartServeAsync();
        await SetDemoWebhooksAsync(receiver.Url);
        await using var customer = await BindDemoAsync(serve);

        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            customer.Client.SubmitAsync(CustomerClient.Text($"4479112{i:D5}", "while webhooks hang"), Ct).AsTask()));
        clock.Stop();

        Assert.All(responses, r => Assert.Equal(CommandStatus.Ok, r.CommandStatus));
        Assert.True(await receiver.WaitForAsync(_ => receiver.EventIds.Count >= 4, Wait));
        // Each webhook attempt takes its full 2 s time-out and only 4 run at once for the customer: had submission
        // waited on them, 200 submits would take minutes, not the few seconds a loaded test machine needs.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"200 submits took {clock.Elapsed}");
        Assert.Empty(receiver.Received);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static bool IsFinal(ReceivedWebhook webhook, string messageId) =>
        webhook.Data.TryGetProperty("message_id", out var id) && id.GetString() == messageId && webhook.Data.GetProperty("status").GetString() != "enroute";

    private Task<ServeProcess> StartServeAsync(bool allowPrivateAddresses = true) => ServeProcess.StartAsync(_data, new Dictionary<string, string>
    {
        ["PIGEON__Webhooks__AllowPrivateAddresses"] = allowPrivateAddresses ? "true" : "false",
        ["PIGEON__Webhooks__AttemptTimeout"] = "00:00:02",
        ["PIGEON__Webhooks__PollInterval"] = "00:00:00.100",
        ["PIGEON__Webhooks__InitialRetryDelay"] = "00:00:00.200",
        ["PIGEON__Webhooks__MaxRetryDelay"] = "00:00:01",
        ["PIGEON__Webhooks__MaxRetryTime"] = "00:02:00",
        ["PIGEON__Webhooks__MaxConcurrentPerCustomer"] = "4",
    });

    /// <summary>Gives the demo customer a receipts URL straight in the store while serve runs; returns the secret.</summary>
    private async Task<string> SetDemoWebhooksAsync(string url)
    {
        await using var store = OpenStore();
        var demo = await store.Provisioning.FindCustomerAsync("demo", Ct);
        var change = await store.Webhooks.SetUrlsAsync(demo!.Id, url, null, WebhookSecrets.New(), Ct);
        return change.Settings.Secret;
    }

    private async Task<IReadOnlyList<WebhookDelivery>> ReadLogAsync(Func<IReadOnlyList<WebhookDelivery>, bool> until)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            await using var store = OpenStore();
            var demo = await store.Provisioning.FindCustomerAsync("demo", Ct);
            var log = await store.Webhooks.ListDeliveriesAsync(demo!.Id, null, 1000, Ct);
            if (until(log) || DateTime.UtcNow > deadline)
            {
                return log;
            }

            await Task.Delay(100, Ct);
        }
    }

    private SqliteGatewayStore OpenStore() => new(new SqliteStoreOptions { Path = Path.Combine(_data, "pigeon.db") }, TimeProvider.System);

    private static Task<CustomerClient> BindDemoAsync(ServeProcess serve)
    {
        var credentials = serve.ReadCredentials();
        return CustomerClient.BindAsync(serve.SmppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
    }
}
