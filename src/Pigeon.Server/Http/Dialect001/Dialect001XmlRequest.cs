namespace Pigeon.Server.Http.Dialect001;

/// <summary>A parsed XML request: its operation, the credentials of its &lt;auth&gt; element, and the operation's fields.</summary>
internal sealed record Dialect001XmlRequest(
    Dialect001XmlOperation Operation,
    Dialect001Credentials Credentials,
    Dialect001SendCommand? Send,
    IReadOnlyList<string?>? Ids);
