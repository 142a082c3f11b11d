using Pigeon.Gateway.Limits;

namespace Pigeon.Server.Http;

/// <summary>
/// The message rate of each API key (<see cref="Gateway.Accounts.ApiKey.Tps"/>), counted in messages, not
/// requests: a <see cref="TpsLimiter"/> keyed by API key id, registered as the keyed service <see cref="ServiceKey"/>
/// (the SMPP accounts' limiter is another instance, owned by the gateway core: ids of keys and accounts overlap).
/// A request is let in whole while the key is within its rate, however many messages it carries, and the next one
/// waits until that debt is paid and learns how long (Retry-After). One instance serves every HTTP front end, so a
/// key has one budget whichever API it uses (the dialects take one message at a time).
/// </summary>
internal static class ApiKeyMessageRate
{
    /// <summary>The key under which the API keys' <see cref="TpsLimiter"/> is registered.</summary>
    public const string ServiceKey = "api-key-message-rate";
}
