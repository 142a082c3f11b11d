using Microsoft.Extensions.Logging;

namespace Pigeon.Gateway.MobileOriginated;

/// <summary>Log messages of MO reassembly.</summary>
internal static partial class MoLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "MO from {Source} to {Destination} (reference {Reference}, {Total} parts) timed out without parts {Missing}: delivered with what arrived")]
    public static partial void Incomplete(ILogger logger, string source, string destination, int reference, int total, string missing);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error,
        Message = "MO from {Source} to {Destination} (reference {Reference}) is complete but could not be assembled; the sweep will retry")]
    public static partial void AssemblyFailed(ILogger logger, Exception exception, string source, string destination, int reference);
}
