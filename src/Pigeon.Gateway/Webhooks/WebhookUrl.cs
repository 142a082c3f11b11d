namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// What an endpoint URL must be: absolute http or https, without credentials in it, at most 2,000 characters, and,
/// unless the operator allows private addresses, not an IP address of the operator's own network written out
/// (<see cref="WebhookAddress"/>; a host name is judged at delivery, on the addresses it resolves to).
/// </summary>
public static class WebhookUrl
{
    public const int MaxLength = 2000;

    /// <summary>The setting that lets webhooks reach private addresses, as named in messages.</summary>
    public const string AllowPrivateAddressesSetting = "Pigeon:Webhooks:AllowPrivateAddresses";

    /// <summary>Null when <paramref name="url"/> is acceptable, else why not.</summary>
    public static string? Check(string url, bool allowPrivateAddresses)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length > MaxLength)
        {
            return $"A webhook URL has at most {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"'{url}' is not an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "A webhook URL carries no user name or password; requests are signed instead.";
        }

        return !allowPrivateAddresses && WebhookAddress.PrivateLiteralOf(uri) is { } address
            ? $"{address} is a private, loopback, link-local or otherwise internal address; webhooks may not point there ({AllowPrivateAddressesSetting} is off)."
            : null;
    }
}
