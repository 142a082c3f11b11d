namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// The per-SMS statuses of dialect 002 (seed document section 3.2) and their messages, spelt as the document
/// spells them; FAILED and the messages marked as ours cover conditions the document has no status for.
/// </summary>
internal static class SmsStatus
{
    public const string Success = "SUCCESS";
    public const string Invalid = "INVALID";
    public const string Duplicate = "DUPLICATE";

    /// <summary>Ours: the message was well formed but could not be taken (balance, rate, route, server).</summary>
    public const string Failed = "FAILED";

    /// <summary>The message of a SUCCESS, as the document's sample responses write it.</summary>
    public const string SuccessMessage = "Success";
    public const string InvalidMsisdn = "Invalid MSISDN";
    public const string MessageLengthExceeded = "Message length exceeded";
    public const string InvalidCsmsId = "Invalid CSMS ID";
    public const string DuplicateCsmsId = "Duplicate CMS ID";
    public const string DuplicateMsisdn = "Duplicate MSISDN";

    /// <summary>Ours (INVALID): the number is on the block list; the words of API status 4026.</summary>
    public const string BlockedMsisdn = "Blocked MSISDN";

    /// <summary>Ours (FAILED): the sender id is not the customer's; the words of API status 4002.</summary>
    public const string SidNotPermitted = "SID/Stakeholder is not permitted";

    /// <summary>Ours (FAILED): the key's messages per second are used up; the words of API status 4031.</summary>
    public const string TpsExceeded = "TPS Exceeded";

    /// <summary>Ours (FAILED): the balance does not cover the message.</summary>
    public const string InsufficientBalance = "Insufficient balance";

    /// <summary>Ours (FAILED): no route reaches the number.</summary>
    public const string NoRoute = "No route to MSISDN";

    /// <summary>Ours (FAILED): anything else; the words of API status 5000.</summary>
    public const string UnknownError = "Unknown Error";
}
