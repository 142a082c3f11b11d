using System.Security.Cryptography;

namespace Pigeon.Gateway.Webhooks;

/// <summary>New webhook signing secrets from the operating system's cryptographic generator.</summary>
public static class WebhookSecrets
{
    private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>"whsec_" and 43 base62 characters (about 256 bits): recognisable in a config file, never guessable.</summary>
    public static string New() => "whsec_" + RandomNumberGenerator.GetString(Base62, 43);
}
