using Microsoft.Extensions.Logging;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>Source-generated log messages of dialect 002. Tokens and texts are never among the arguments.</summary>
internal static partial class Dialect002Log
{
    [LoggerMessage(4200, LogLevel.Error, "Dialect 002 request {Path} failed; answered 5000")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(4201, LogLevel.Warning, "Recording csms_id use of customer {CustomerId} failed; it is held in memory only")]
    public static partial void KeepFailed(ILogger logger, Exception exception, long customerId);

    [LoggerMessage(4202, LogLevel.Warning, "Reading the csms_ids used on {Day} failed; the store answers for each id not in memory")]
    public static partial void LoadFailed(ILogger logger, Exception exception, DateOnly day);
}
