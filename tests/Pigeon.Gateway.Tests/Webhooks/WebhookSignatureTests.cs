using System.Security.Cryptography;
using System.Text;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Gateway.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"1\",\"type\":\"message.status\"}");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Header_is_t_and_v1_hex_HMAC_SHA256_of_timestamp_dot_body_keyed_with_the_secret()
    {
        // Computed independently: HMACSHA256 over the bytes of "1700000000." followed by the body.
        byte[] signed = [.. Encoding.UTF8.GetBytes("1700000000."), .. Body];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));

        var header = WebhookSignature.CreateHeader(Secret, 1_700_000_000, Body);

        Assert.Equal("t=1700000000,v1=" + expected, header);
    }

    [Fact]
    public void Header_matches_a_vector_computed_outside_dotnet()
    {
        // printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec_test
        var header = WebhookSignature.CreateHeader(Secret, 1_700_000_000, "{}"u8);

        Assert.Equal("t=1700000000,v1=35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91", header);
    }

    [Fact]
    public void Verify_accepts_its_own_header_within_the_tolerance()
    {
        var header = WebhookSignature.CreateHeader(Secret, SentAt.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify(header, Secret, Body, SentAt.AddMinutes(4), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_refuses_a_changed_body_another_secret_or_an_old_timestamp()
    {
        var header = WebhookSignature.CreateHeader(Secret, SentAt.ToUnixTimeSeconds(), Body);
        var changed = Body.ToArray();
        changed[^2] ^= 1;

        Assert.False(WebhookSignature.Verify(header, Secret, changed, SentAt, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(header, "whsec_other", Body, SentAt, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(header, Secret, Body, SentAt.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("t=1700000000")]
    [InlineData("v1=00")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1700000000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    public void Verify_refuses_malformed_headers(string header) =>
        Assert.False(WebhookSignature.Verify(header, Secret, Body, SentAt, TimeSpan.FromMinutes(5)));

    [Fact]
    public void New_secrets_are_prefixed_random_and_distinct()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => WebhookSecrets.New()).ToHashSet();

        Assert.Equal(100, secrets.Count);
        Assert.All(secrets, s => Assert.Matches("^whsec_[A-Za-z0-9]{43}$", s));
    }
}
