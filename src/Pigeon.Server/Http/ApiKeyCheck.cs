namespace Pigeon.Server.Http;

/// <summary>What <see cref="ApiKeyAuthenticator"/> decided about a presented key.</summary>
internal enum ApiKeyCheck
{
    /// <summary>The key is good; the request acts for its customer.</summary>
    Accepted,

    /// <summary>No key was presented.</summary>
    Missing,

    /// <summary>Not a key of ours: wrong shape, unknown, or the secret does not match.</summary>
    Unknown,

    /// <summary>The key was revoked.</summary>
    Revoked,

    /// <summary>The key is good but may not be used from the request's address.</summary>
    AddressNotAllowed,

    /// <summary>The key's customer is suspended or closed.</summary>
    CustomerNotActive,

    /// <summary>An operator key, which acts for no customer, on a customer's API.</summary>
    NotACustomerKey,
}
