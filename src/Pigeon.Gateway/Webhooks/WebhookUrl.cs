namespace Pigeon.Gateway.Webhooks;

/// <summary>What an endpoint URL must be: absolute http or https, without credentials in it, at most 2,000 characters.</summary>
public static class WebhookUrl
{
    public const int MaxLength = 2000;

    /// <summary>Null when <paramref name="url"/> is acceptable, else why not.</summary>
    public static string? Check(string url)
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

        return uri.UserInfo.Length > 0 ? "A webhook URL carries no user name or password; requests are signed instead." : null;
    }
}
