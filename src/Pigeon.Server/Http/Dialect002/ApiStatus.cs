using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// The API status codes of dialect 002 (seed document section 3.1), the words each answers in
/// <c>error_message</c>, and the HTTP status that goes with it. The full table with conditions is in
/// docs/http-api-002.md.
/// </summary>
internal static class ApiStatus
{
    public const int Success = 200;
    public const int Unauthorized = 4001;
    public const int SidNotPermitted = 4002;
    public const int IpBlacklisted = 4003;
    public const int EndpointNotFound = 4004;
    public const int InvalidRequestFormat = 4005;
    public const int InvalidCsmsId = 4020;
    public const int RequiredParameterMissing = 4022;
    public const int DuplicateCsmsId = 4023;
    public const int InvalidMsisdn = 4025;
    public const int BlockedMsisdn = 4026;
    public const int MessageLengthExceeded = 4027;
    public const int InvalidMessageData = 4028;
    public const int TooManyRequests = 4029;
    public const int LimitExceeded = 4030;
    public const int TpsExceeded = 4031;
    public const int UnknownError = 5000;

    /// <summary>The document's "Status Meaning" of <paramref name="code"/>, spelt as it spells it.</summary>
    public static string Meaning(int code) => code switch
    {
        Success => "SUCCESS",
        Unauthorized => "Unauthorized",
        SidNotPermitted => "SID/Stakeholder is not permitted",
        IpBlacklisted => "IP Blacklisted",
        EndpointNotFound => "End point Not Found",
        InvalidRequestFormat => "Invalid request format",
        InvalidCsmsId => "Invalid CSMS ID",
        RequiredParameterMissing => "Required Parameter Missing",
        DuplicateCsmsId => "Duplicate CMS ID",
        InvalidMsisdn => "Invalid MSISDN",
        BlockedMsisdn => "Blocked MSISDN",
        MessageLengthExceeded => "Message length exceeded",
        InvalidMessageData => "Invalid message data",
        TooManyRequests => "Too many requests",
        LimitExceeded => "Limit Exceed",
        TpsExceeded => "TPS Exceeded",
        _ => "Unknown Error",
    };

    /// <summary>The HTTP status usually answered with <paramref name="code"/>; 4005 and 5000 vary with the cause (see the callers).</summary>
    public static int HttpStatus(int code) => code switch
    {
        Success => StatusCodes.Status200OK,
        Unauthorized => StatusCodes.Status401Unauthorized,
        SidNotPermitted or IpBlacklisted => StatusCodes.Status403Forbidden,
        EndpointNotFound => StatusCodes.Status404NotFound,
        DuplicateCsmsId => StatusCodes.Status409Conflict,
        BlockedMsisdn or InvalidMessageData => StatusCodes.Status422UnprocessableEntity,
        TooManyRequests or TpsExceeded => StatusCodes.Status429TooManyRequests,
        UnknownError => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };
}
