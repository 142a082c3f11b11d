using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>Every error of the native API: a problem+json with its status and stable code, provoked as a client would.</summary>
[Collection(NativeApiCollection.Name)]
public sealed class NativeErrorTests(NativeApiFixture fixture)
{
    private const string Hello = """{"to": "+447911124001", "text": "Hello", "from": "Pigeon"}""";

    [Fact]
    public async Task No_key_is_401_api_key_missing_with_a_bearer_challenge()
    {
        using var api = fixture.Anonymous();
        var answer = await api.GetAsync("v1/balance");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("api_key_missing", answer.Code);
        Assert.Equal("Bearer", answer.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("Bearer pgn_nothing_like_a_key")]
    [InlineData("Bearer pgn_AAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_key_that_is_not_ours_is_401_api_key_invalid(string authorization)
    {
        using var api = fixture.Anonymous(authorization);
        var answer = await api.GetAsync("v1/balance");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("api_key_invalid", answer.Code);
    }

    [Fact]
    public async Task Credentials_of_another_scheme_are_401_api_key_missing()
    {
        using var api = fixture.Anonymous("Basic ZGVtbzpwYXNz");
        var answer = await api.GetAsync("v1/balance");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("api_key_missing", answer.Code);
    }

    [Fact]
    public async Task The_operator_key_acts_for_no_customer_and_is_refused()
    {
        using var api = fixture.Anonymous("Bearer " + fixture.OperatorKey);
        var answer = await api.GetAsync("v1/balance");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("api_key_invalid", answer.Code);
    }

    [Fact]
    public async Task A_revoked_key_is_401_api_key_revoked()
    {
        using var api = fixture.Client("revoked");
        var answer = await api.GetAsync("v1/balance");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("api_key_revoked", answer.Code);
    }

    [Fact]
    public async Task A_key_used_from_outside_its_allowed_addresses_is_403_address_not_allowed()
    {
        using var api = fixture.Client("elsewhere");
        var answer = await api.PostJsonAsync("v1/messages", Hello);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("address_not_allowed", answer.Code);
    }

    [Fact]
    public async Task A_suspended_customer_is_403_customer_not_active()
    {
        using var api = fixture.Client("suspended");
        var answer = await api.GetAsync("v1/balance");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("customer_not_active", answer.Code);
    }

    [Fact]
    public async Task Messages_over_the_key_message_rate_are_429_throttled_with_Retry_After()
    {
        using var api = fixture.Client("tps");
        var first = await api.PostJsonAsync("v1/messages", """{"to": ["+447911124011", "+447911124012", "+447911124013"], "text": "Rate", "from": "Pigeon"}""");
        var second = await api.PostJsonAsync("v1/messages", """{"to": "+447911124014", "text": "Rate", "from": "Pigeon"}""");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal("throttled", second.Code);
        Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("v1/nothing")]
    [InlineData("v1/messages/1/cancel")]
    [InlineData("v1")]
    public async Task An_unknown_path_under_v1_is_404_not_found(string path)
    {
        using var api = fixture.Client("demo");
        var answer = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("not_found", answer.Code);
    }

    [Fact]
    public async Task A_method_an_endpoint_does_not_take_is_405_method_not_allowed()
    {
        using var api = fixture.Client("demo");
        var answer = await api.SendAsync(HttpMethod.Delete, "v1/balance", null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("method_not_allowed", answer.Code);
    }

    [Theory]
    [InlineData("999999999999")]
    [InlineData("not-an-id")]
    [InlineData("-1")]
    public async Task A_message_that_does_not_exist_is_404_message_not_found(string id)
    {
        using var api = fixture.Client("demo");
        var answer = await api.GetAsync("v1/messages/" + id);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("message_not_found", answer.Code);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_body_that_is_not_UTF8_JSON_by_its_content_type_is_415_unsupported_media_type(string contentType)
    {
        using var api = fixture.Client("demo");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Hello));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var answer = await api.SendAsync(HttpMethod.Post, "v1/messages", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal("unsupported_media_type", answer.Code);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_415_unsupported_media_type()
    {
        using var api = fixture.Client("demo");
        var answer = await api.SendAsync(HttpMethod.Post, "v1/messages", new ByteArrayContent(Encoding.UTF8.GetBytes(Hello)));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal("unsupported_media_type", answer.Code);
    }

    [Fact]
    public async Task A_body_over_the_limit_with_its_length_told_is_413_payload_too_large()
    {
        using var api = fixture.Client("demo");
        // A told length over the limit is refused before the body is read: the client waits for 100 Continue, as
        // clients sending large bodies should, instead of writing into a connection the server is closing.
        var content = new StringContent(HugeBody(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var answer = await api.SendAsync(HttpMethod.Post, "v1/messages", content, expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("payload_too_large", answer.Code);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_payload_too_large()
    {
        // A chunked body is read up to the limit and answered while the client may still be writing; an HTTP
        // client library gives up on its broken write before reading that answer, so this speaks HTTP/1.1 on a
        // socket, stops writing when the server closes, and reads what the server said.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.BaseAddress.Port, NativeApiClient.Cancel);
        var stream = tcp.GetStream();
        var head = "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + fixture.Token("demo") +
            "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), NativeApiClient.Cancel);
        var body = Encoding.UTF8.GetBytes(HugeBody());
        try
        {
            for (var offset = 0; offset < body.Length; offset += 16 * 1024)
            {
                var length = Math.Min(16 * 1024, body.Length - offset);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), NativeApiClient.Cancel);
                await stream.WriteAsync(body.AsMemory(offset, length), NativeApiClient.Cancel);
                await stream.WriteAsync("\r\n"u8.ToArray(), NativeApiClient.Cancel);
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), NativeApiClient.Cancel);
        }
        catch (IOException)
        {
            // The server closed the connection once the limit was passed: expected, its answer is already sent.
        }

        var answer = await ReadAnswerAsync(stream);

        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"payload_too_large\"", answer, StringComparison.Ordinal);
    }

    private static string HugeBody() =>
        "{\"to\": \"+447911124021\", \"from\": \"Pigeon\", \"text\": \"" + new string('a', (1024 * 1024) + 1024) + "\"}";

    private static async Task<string> ReadAnswerAsync(System.Net.Sockets.NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, NativeApiClient.Cancel)) > 0)
            {
                received.Write(buffer, 0, read);
                if (Encoding.UTF8.GetString(received.ToArray()).Contains("payload_too_large", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived before it is the answer.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"to\": \"+447911124031\", \"text\": \"x\",}")]
    [InlineData("{'to': '+447911124031'}")]
    [InlineData("[1, 2")]
    [InlineData("{\"to\": \"+447911124031\"} trailing")]
    public async Task Malformed_JSON_is_400_invalid_json(string body)
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_json", answer.Code);
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_400_invalid_json()
    {
        using var api = fixture.Client("demo");
        var latin1 = Encoding.Latin1.GetBytes("{\"to\": \"+447911124041\", \"text\": \"caf\u00e9\", \"from\": \"Pigeon\"}");
        var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var answer = await api.SendAsync(HttpMethod.Post, "v1/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_json", answer.Code);
        Assert.Contains("UTF-8", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"to\": 447911124051, \"text\": \"x\"}", "to")]
    [InlineData("{\"to\": 4.47911124051e11, \"text\": \"x\"}", "to")]
    [InlineData("{\"to\": {\"number\": \"+447911124051\"}, \"text\": \"x\"}", "to")]
    [InlineData("{\"to\": null, \"text\": \"x\"}", "to")]
    [InlineData("{\"to\": true, \"text\": \"x\"}", "to")]
    [InlineData("{\"to\": \"\", \"text\": \"x\"}", "to")]
    [InlineData("{\"to\": \"   \", \"text\": \"x\"}", "to")]
    [InlineData("{\"to\": [], \"text\": \"x\"}", "to")]
    [InlineData("{\"to\": [\"+447911124051\", 447911124052], \"text\": \"x\"}", "to[1]")]
    [InlineData("{\"to\": [\"+447911124051\", null], \"text\": \"x\"}", "to[1]")]
    [InlineData("{\"to\": [[\"+447911124051\"]], \"text\": \"x\"}", "to[0]")]
    [InlineData("{\"to\": \"+4479111240510000000000000000000000\", \"text\": \"x\"}", "to")]
    [InlineData("{\"text\": \"x\"}", "to")]
    [InlineData("{\"to\": \"+447911124051\"}", "text")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": 5}", "text")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": [\"a\"]}", "text")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": null}", "text")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"from\": 12345}", "from")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"from\": \"\"}", "from")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"validity\": \"3600\"}", "validity")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"validity\": 1.5}", "validity")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"validity\": 0}", "validity")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"validity\": -60}", "validity")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"validity\": 604801}", "validity")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"validity\": 99999999999999999999}", "validity")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"validity\": \"PT1H\"}", "validity")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"send_at\": \"2030-01-01T10:00:00\"}", "send_at")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"send_at\": \"tomorrow\"}", "send_at")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"send_at\": 1893492000}", "send_at")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"callback_url\": \"ftp://example.com/x\"}", "callback_url")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"callback_url\": \"/hooks/sms\"}", "callback_url")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"callback_url\": \"not a url\"}", "callback_url")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"client_reference\": 7}", "client_reference")]
    [InlineData("{\"to\": \"+447911124051\", \"text\": \"x\", \"colour\": \"blue\"}", "colour")]
    [InlineData("{\"to\": \"+447911124051\", \"to\": \"+447911124052\", \"text\": \"x\"}", "to")]
    [InlineData("[{\"to\": \"+447911124051\", \"text\": \"x\"}]", "$")]
    [InlineData("\"+447911124051\"", "$")]
    public async Task A_field_of_the_wrong_shape_is_422_validation_failed_naming_the_field(string body, string field)
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("validation_failed", answer.Code);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty(field, out var messages), answer.Body);
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task A_client_reference_over_128_characters_is_422_validation_failed()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "+447911124061", "text": "x", "client_reference": "{{new string('r', 129)}}"}""");

        Assert.Equal("validation_failed", answer.Code);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty("client_reference", out _));
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": 1, "text": 2, "validity": "x", "extra": 3}""");

        Assert.Equal("validation_failed", answer.Code);
        Assert.Equal(["extra", "text", "to", "validity"], answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{}", "messages")]
    [InlineData("{\"messages\": []}", "messages")]
    [InlineData("{\"messages\": {\"to\": \"+447911124071\", \"text\": \"x\"}}", "messages")]
    [InlineData("{\"messages\": [\"+447911124071\"]}", "messages[0]")]
    [InlineData("{\"messages\": [{\"to\": \"+447911124071\", \"text\": \"x\"}, {\"to\": 447911124072, \"text\": \"y\"}]}", "messages[1].to")]
    [InlineData("{\"messages\": [{\"to\": \"+447911124071\"}]}", "messages[0].text")]
    [InlineData("{\"messages\": [], \"more\": 1}", "more")]
    public async Task A_bad_batch_is_422_validation_failed_naming_the_field(string body, string field)
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages/batch", body);

        Assert.Equal("validation_failed", answer.Code);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty(field, out _), answer.Body);
    }

    [Fact]
    public async Task More_than_1000_recipients_in_one_request_is_422_batch_too_large()
    {
        using var api = fixture.Client("demo");
        var numbers = string.Join(", ", Enumerable.Range(0, 1001).Select(i => $"\"+4479111{i:D5}\""));
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": [{{numbers}}], "text": "Too many", "from": "Pigeon"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("batch_too_large", answer.Code);
    }

    [Fact]
    public async Task A_batch_over_1000_messages_counting_every_recipient_is_422_batch_too_large()
    {
        using var api = fixture.Client("demo");
        var numbers = string.Join(", ", Enumerable.Range(0, 600).Select(i => $"\"+4479111{i:D5}\""));
        var message = $$"""{"to": [{{numbers}}], "text": "Too many", "from": "Pigeon"}""";
        var answer = await api.PostJsonAsync("v1/messages/batch", $$"""{"messages": [{{message}}, {{message}}]}""");

        Assert.Equal("batch_too_large", answer.Code);
    }

    [Fact]
    public async Task A_text_over_the_most_segments_is_422_message_too_long()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "+447911124081", "text": "{{new string('Ж', 67 * 255 + 1)}}", "from": "Pigeon"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("message_too_long", answer.Code);
    }

    [Fact]
    public async Task A_text_over_40000_characters_is_422_validation_failed()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "+447911124082", "text": "{{new string('a', 40_001)}}", "from": "Pigeon"}""");

        Assert.Equal("validation_failed", answer.Code);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task An_empty_text_is_422_empty_message()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": "+447911124083", "text": "", "from": "Pigeon"}""");

        Assert.Equal("empty_message", answer.Code);
    }

    [Fact]
    public async Task A_sender_not_of_the_account_is_422_sender_not_allowed()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": "+447911124091", "text": "x", "from": "Other"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("sender_not_allowed", answer.Code);
        Assert.Equal("sender_not_allowed", Assert.Single(answer.Messages).GetProperty("code").GetString());
    }

    [Fact]
    public async Task No_sender_when_the_account_has_several_is_422_source_required()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", """{"to": "+447911124092", "text": "x"}""");

        Assert.Equal("source_required", answer.Code);
    }

    [Fact]
    public async Task A_balance_too_low_is_402_insufficient_balance()
    {
        using var api = fixture.Client("broke");
        var answer = await api.PostJsonAsync("v1/messages", Hello);

        Assert.Equal(HttpStatusCode.PaymentRequired, answer.Status);
        Assert.Equal("insufficient_balance", answer.Code);
    }

    [Theory]
    [InlineData("not a number", "invalid_destination")]
    [InlineData("+44", "destination_too_short")]
    [InlineData("+4479111240931234567", "destination_too_long")]
    public async Task A_number_that_cannot_be_used_is_422_with_the_planner_code(string number, string code)
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "{{number}}", "text": "x", "from": "Pigeon"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(code, answer.Code);
    }

    [Fact]
    public async Task A_send_time_too_far_ahead_is_422_invalid_schedule()
    {
        using var api = fixture.Client("demo");
        var at = DateTimeOffset.UtcNow.AddDays(40).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var answer = await api.PostJsonAsync("v1/messages", $$"""{"to": "+447911124094", "text": "x", "from": "Pigeon", "send_at": "{{at}}"}""");

        Assert.Equal("invalid_schedule", answer.Code);
    }

    [Fact]
    public async Task Every_recipient_refused_for_different_reasons_is_422_messages_refused_with_each_reason()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages/batch", """
            {"messages": [{"to": "+447911124095", "text": "x", "from": "Nope"}, {"to": "nonsense", "text": "y", "from": "Pigeon"}]}
            """);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("messages_refused", answer.Code);
        Assert.Equal(["sender_not_allowed", "invalid_destination"], answer.Messages.Select(m => m.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    public async Task A_malformed_idempotency_key_is_400_invalid_idempotency_key(string key)
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", Hello, key);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_idempotency_key", answer.Code);
    }

    [Fact]
    public async Task An_idempotency_key_over_255_characters_is_400_invalid_idempotency_key()
    {
        using var api = fixture.Client("demo");
        var answer = await api.PostJsonAsync("v1/messages", Hello, new string('k', 256));

        Assert.Equal("invalid_idempotency_key", answer.Code);
    }
}
