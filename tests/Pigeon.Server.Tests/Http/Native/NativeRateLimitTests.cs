using System.Net;

namespace Pigeon.Server.Tests.Http.Native;

/// <summary>The per-key request rate: past the burst, requests are refused with 429 and told when to come back.</summary>
public sealed class NativeRateLimitTests(RateLimitedServeFixture fixture) : IClassFixture<RateLimitedServeFixture>
{
    [Fact]
    public async Task Requests_over_the_key_rate_are_429_rate_limited_with_Retry_After()
    {
        using var api = new NativeApiClient(fixture.BaseAddress, fixture.Key);
        var answers = new List<NativeApiClient.Answer>();
        for (var i = 0; i < RateLimitedServeFixture.Burst + 5; i++)
        {
            answers.Add(await api.GetAsync("v1/balance"));
        }

        Assert.Equal(HttpStatusCode.OK, answers[0].Status);
        var limited = answers.First(a => a.Status == HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", limited.Code);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }
}
