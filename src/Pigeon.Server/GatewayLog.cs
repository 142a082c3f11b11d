using Microsoft.Extensions.Logging;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Server;

/// <summary>Source-generated log messages of the host. Passwords and API keys are never among the arguments.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1000, LogLevel.Information, "Store {Location} open; {Applied} migrations applied")]
    public static partial void StoreOpened(ILogger logger, string location, int applied);

    [LoggerMessage(1001, LogLevel.Information, "Provisioning loaded: {Customers} customers, {Accounts} SMPP accounts, {Suppliers} suppliers, {Routes} routes")]
    public static partial void SnapshotLoaded(ILogger logger, int customers, int accounts, int suppliers, int routes);

    [LoggerMessage(1002, LogLevel.Information, "Group commit drained after {Commands} commands")]
    public static partial void WriterDrained(ILogger logger, long commands);

    [LoggerMessage(1003, LogLevel.Warning, "First start: customer '{Customer}' with SMPP account '{SystemId}' provisioned; credentials written to {Path}")]
    public static partial void FirstStart(ILogger logger, string customer, string systemId, string path);

    [LoggerMessage(1004, LogLevel.Information, "SMPP listening on {EndPoint}")]
    public static partial void SmppListening(ILogger logger, string endPoint);

    [LoggerMessage(1005, LogLevel.Information, "Built-in simulator listening on {EndPoint}")]
    public static partial void SimulatorListening(ILogger logger, string endPoint);

    [LoggerMessage(1010, LogLevel.Information, "Bind of '{SystemId}' from {Remote} refused with {Status}: {Reason}")]
    public static partial void BindRefused(ILogger logger, string systemId, string remote, CommandStatus status, string reason);

    [LoggerMessage(1011, LogLevel.Information, "'{SystemId}' bound as {Mode} from {Remote}")]
    public static partial void CustomerBound(ILogger logger, string systemId, string mode, string remote);

    [LoggerMessage(1012, LogLevel.Debug, "Submit from '{SystemId}' refused ({Code}): {Reason}")]
    public static partial void SubmitRefused(ILogger logger, string systemId, string code, string reason);

    [LoggerMessage(1013, LogLevel.Error, "Storing a message from '{SystemId}' failed; the charge is given back and ESME_RSYSERR answered")]
    public static partial void AcceptFailed(ILogger logger, Exception exception, string systemId);

    [LoggerMessage(1020, LogLevel.Debug, "Receipt from supplier {SupplierId} for '{SupplierMessageId}' waits for its id map")]
    public static partial void ReceiptWaiting(ILogger logger, long supplierId, string supplierMessageId);

    [LoggerMessage(1021, LogLevel.Warning, "Delivering to {Kind} {Id} failed; it is tried again on the next sweep")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string kind, long id);

    [LoggerMessage(1022, LogLevel.Debug, "deliver_sm to '{SystemId}' failed: {Reason}")]
    public static partial void DeliverSmFailed(ILogger logger, string systemId, string reason);

    [LoggerMessage(1023, LogLevel.Information, "{Count} customer receipts owed longer than {Expiry} given up")]
    public static partial void ReceiptsExpired(ILogger logger, int count, TimeSpan expiry);

    [LoggerMessage(1024, LogLevel.Warning, "Reading the provisioning snapshot failed; the settings in force stay until the next try")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
