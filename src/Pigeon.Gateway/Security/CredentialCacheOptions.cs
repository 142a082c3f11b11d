namespace Pigeon.Gateway.Security;

/// <summary>How long and how many answers <see cref="CredentialVerifier"/> keeps.</summary>
public sealed record CredentialCacheOptions
{
    /// <summary>How long a verified (or refused) credential is answered from the cache.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most answers kept.</summary>
    public int Capacity { get; init; } = 10_000;
}
