namespace Pigeon.Gateway.Security;

/// <summary>What <see cref="PasswordHasher.Verify"/> found.</summary>
public enum PasswordVerification
{
    /// <summary>Wrong password, or the stored hash is not in a format this hasher reads.</summary>
    Failed,

    /// <summary>The password matches.</summary>
    Succeeded,

    /// <summary>The password matches, but the hash was made with weaker parameters than today's: store a new one.</summary>
    SucceededRehashNeeded,
}
