using Microsoft.Extensions.Logging;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Dispatch;

/// <summary>Source-generated log messages of the dispatch side. Supplier passwords are never among the arguments.</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(100, LogLevel.Warning, "Supplier {SupplierId}: reading the backlog failed; trying again in {Delay}")]
    public static partial void BacklogReadFailed(ILogger logger, Exception exception, long supplierId, TimeSpan delay);

    [LoggerMessage(101, LogLevel.Information, "Supplier {SupplierId} '{Name}' bind {Bind} bound to {Host}:{Port}")]
    public static partial void BindConnected(ILogger logger, long supplierId, string name, int bind, string host, int port);

    [LoggerMessage(102, LogLevel.Warning, "Supplier {SupplierId} bind {Bind}: connecting failed (attempt {Attempt}); next try in {Delay}")]
    public static partial void BindConnectFailed(ILogger logger, Exception exception, long supplierId, int bind, int attempt, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Debug, "Supplier {SupplierId} bind {Bind} answered part {PartId} with {Status}; the bind pauses {Pause}")]
    public static partial void Throttled(ILogger logger, long supplierId, int bind, long partId, CommandStatus status, TimeSpan pause);

    [LoggerMessage(104, LogLevel.Warning, "Supplier {SupplierId} bind {Bind}: part {PartId} failed ({Failure}), {Failures} temporary failures so far; the bind pauses {Pause}")]
    public static partial void TemporaryFailure(ILogger logger, long supplierId, int bind, long partId, string failure, int failures, TimeSpan pause);

    [LoggerMessage(105, LogLevel.Information, "Supplier {SupplierId} rejected part {PartId} with {Status}")]
    public static partial void Rejected(ILogger logger, long supplierId, long partId, CommandStatus status);

    [LoggerMessage(106, LogLevel.Information, "Part {PartId} fails over from supplier {From} to {To}: {Reason}")]
    public static partial void FailedOver(ILogger logger, long partId, long from, long to, string reason);

    [LoggerMessage(107, LogLevel.Warning, "Part {PartId} gives up on supplier {SupplierId} with no supplier left on its route ({Reason}); rejected with {Status}")]
    public static partial void NoSupplierLeft(ILogger logger, long partId, long supplierId, string reason, CommandStatus status);

    [LoggerMessage(108, LogLevel.Error, "Supplier {SupplierId}: storing the outcome of part {PartId} failed; trying again in {Delay}")]
    public static partial void OutcomeStoreFailed(ILogger logger, Exception exception, long supplierId, long partId, TimeSpan delay);

    [LoggerMessage(109, LogLevel.Warning, "Supplier {SupplierId} sent a delivery receipt without a message id; answered ESME_RX_P_APPN")]
    public static partial void ReceiptUnreadable(ILogger logger, long supplierId);

    [LoggerMessage(110, LogLevel.Error, "Supplier {SupplierId}: storing an incoming {CommandId} failed; answered ESME_RX_T_APPN so the supplier sends it again")]
    public static partial void InboundStoreFailed(ILogger logger, Exception exception, long supplierId, CommandId commandId);

    [LoggerMessage(111, LogLevel.Warning, "Supplier {SupplierId} has been unavailable for {Duration}: its queued parts fail over")]
    public static partial void SupplierUnavailable(ILogger logger, long supplierId, TimeSpan duration);

    [LoggerMessage(112, LogLevel.Information, "Supplier {SupplierId} '{Name}': admin {State}")]
    public static partial void AdminStateChanged(ILogger logger, long supplierId, string name, string state);

    [LoggerMessage(113, LogLevel.Information, "Supplier {SupplierId} '{Name}': submits {State}")]
    public static partial void SubmitStateChanged(ILogger logger, long supplierId, string name, string state);

    [LoggerMessage(114, LogLevel.Warning, "Part {PartId} was handed to supplier {SupplierId}, which is not configured; it waits in the store")]
    public static partial void UnknownSupplier(ILogger logger, long partId, long supplierId);

    [LoggerMessage(116, LogLevel.Critical, "Supplier {SupplierId} bind {Bind} stopped sending after an unexpected failure")]
    public static partial void BindFailed(ILogger logger, Exception exception, long supplierId, int bind);

    [LoggerMessage(115, LogLevel.Warning, "Supplier {SupplierId} answered part {PartId} OK without a message id")]
    public static partial void EmptyMessageId(ILogger logger, long supplierId, long partId);
}
