using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Security;

namespace Pigeon.Gateway.Tests.Security;

public sealed class CredentialVerifierTests
{
    private static readonly PasswordHasher Hasher = new(iterations: 1000);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_storm_of_binds_with_one_credential_costs_one_slow_verification()
    {
        var verifier = new CredentialVerifier(Hasher, _time);
        var hash = Hasher.Hash("pw");

        for (var i = 0; i < 100; i++)
        {
            Assert.True(verifier.Verify("pw", hash));
        }

        Assert.Equal(1, verifier.SlowVerifications);
    }

    [Fact]
    public void A_repeated_wrong_password_is_refused_from_the_cache_too()
    {
        var verifier = new CredentialVerifier(Hasher, _time);
        var hash = Hasher.Hash("pw");

        Assert.False(verifier.Verify("wrong", hash));
        Assert.False(verifier.Verify("wrong", hash));
        Assert.True(verifier.Verify("pw", hash));
        Assert.Equal(2, verifier.SlowVerifications);
    }

    [Fact]
    public void A_changed_password_does_not_hit_the_old_answer()
    {
        var verifier = new CredentialVerifier(Hasher, _time);
        var old = Hasher.Hash("pw");
        Assert.True(verifier.Verify("pw", old));

        var changed = Hasher.Hash("new");

        Assert.False(verifier.Verify("pw", changed));
        Assert.True(verifier.Verify("new", changed));
    }

    [Fact]
    public void An_answer_expires_after_its_lifetime()
    {
        var verifier = new CredentialVerifier(Hasher, _time, new CredentialCacheOptions { Lifetime = TimeSpan.FromMinutes(1) });
        var hash = Hasher.Hash("pw");
        verifier.Verify("pw", hash);

        _time.Advance(TimeSpan.FromSeconds(59));
        verifier.Verify("pw", hash);
        Assert.Equal(1, verifier.SlowVerifications);

        _time.Advance(TimeSpan.FromSeconds(1));
        verifier.Verify("pw", hash);
        Assert.Equal(2, verifier.SlowVerifications);
    }

    [Fact]
    public void The_cache_stays_within_its_capacity()
    {
        var verifier = new CredentialVerifier(Hasher, _time, new CredentialCacheOptions { Capacity = 10 });
        var hash = Hasher.Hash("pw");

        for (var i = 0; i < 50; i++)
        {
            verifier.Verify($"guess{i}", hash);
        }

        Assert.InRange(verifier.CachedCount, 1, 10);
    }

    [Fact]
    public void The_cache_holds_no_secret()
    {
        var verifier = new CredentialVerifier(Hasher, _time);
        var hash = Hasher.Hash("pw");
        verifier.Verify("pw", hash);

        var field = typeof(CredentialVerifier).GetField("_entries", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var entries = (System.Collections.IDictionary)field.GetValue(verifier)!;

        var key = Assert.Single(entries.Keys.Cast<object>());
        Assert.IsType<UInt128>(key);
    }

    [Fact]
    public void Clearing_forgets_every_answer()
    {
        var verifier = new CredentialVerifier(Hasher, _time);
        var hash = Hasher.Hash("pw");
        verifier.Verify("pw", hash);

        verifier.Clear();
        verifier.Verify("pw", hash);

        Assert.Equal(2, verifier.SlowVerifications);
    }
}
