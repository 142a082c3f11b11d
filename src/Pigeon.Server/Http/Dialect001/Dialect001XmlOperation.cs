namespace Pigeon.Server.Http.Dialect001;

/// <summary>The operation an XML request names with the one element under &lt;request&gt;.</summary>
internal enum Dialect001XmlOperation
{
    Send = 1,
    Status,
    Senders,
    Balance,
}
