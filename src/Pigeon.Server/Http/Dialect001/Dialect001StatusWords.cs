using Pigeon.Gateway.Messages;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// The document's five status words for our <see cref="MessageStatus"/>. Not yet final (accepted, queued, handed to
/// a supplier) is ENROUTE, "message sent" as far as the customer can tell; Deleted (cancelled by us) is REJECTD, as the
/// system refused to carry it further; Unknown (a supplier's final but unknown state) is UNDELIV, since the message
/// was not delivered as far as anyone can prove.
/// </summary>
internal static class Dialect001StatusWords
{
    public const string Enroute = "ENROUTE";
    public const string Delivered = "DELIVRD";
    public const string Expired = "EXPIRED";
    public const string Undeliverable = "UNDELIV";
    public const string Rejected = "REJECTD";

    public static string Of(MessageStatus status) => status switch
    {
        MessageStatus.Accepted or MessageStatus.Enroute => Enroute,
        MessageStatus.Delivered => Delivered,
        MessageStatus.Expired => Expired,
        MessageStatus.Rejected or MessageStatus.Deleted => Rejected,
        _ => Undeliverable,
    };
}
