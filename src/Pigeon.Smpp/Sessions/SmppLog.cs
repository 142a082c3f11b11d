using System.Net;
using Microsoft.Extensions.Logging;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// Source-generated log messages of the session layer, server and client. Passwords are never among the
/// arguments: a bind is logged by system_id and mode only.
/// </summary>
internal static partial class SmppLog
{
    [LoggerMessage(1, LogLevel.Information, "Session {SessionId} bound as {State} by '{SystemId}' ({RemoteEndPoint})")]
    public static partial void SessionBound(ILogger logger, long sessionId, SmppSessionState state, string systemId, EndPoint? remoteEndPoint);

    [LoggerMessage(2, LogLevel.Warning, "Session {SessionId} refused the bind of '{SystemId}' ({RemoteEndPoint}) with {Status}")]
    public static partial void BindRefused(ILogger logger, long sessionId, string systemId, EndPoint? remoteEndPoint, CommandStatus status);

    [LoggerMessage(3, LogLevel.Information, "Session {SessionId} ({RemoteEndPoint}) closed: {Reason}")]
    public static partial void SessionClosed(ILogger logger, long sessionId, EndPoint? remoteEndPoint, SmppCloseReason reason);

    [LoggerMessage(4, LogLevel.Warning, "Session {SessionId}: {Breadcrumb}")]
    public static partial void ResponseTimedOut(ILogger logger, long sessionId, string breadcrumb);

    [LoggerMessage(5, LogLevel.Warning, "Session {SessionId} received unknown command_id 0x{CommandId:X8} (sequence {SequenceNumber}); answered generic_nack")]
    public static partial void UnknownCommandId(ILogger logger, long sessionId, uint commandId, uint sequenceNumber);

    [LoggerMessage(6, LogLevel.Warning, "Session {SessionId} received a malformed {CommandId} (sequence {SequenceNumber}): {Status}")]
    public static partial void MalformedPdu(ILogger logger, long sessionId, CommandId commandId, uint sequenceNumber, CommandStatus status);

    [LoggerMessage(7, LogLevel.Warning, "Session {SessionId} received command_length {CommandLength} outside 16..{MaxCommandLength}; closing")]
    public static partial void InvalidCommandLength(ILogger logger, long sessionId, uint commandLength, int maxCommandLength);

    [LoggerMessage(8, LogLevel.Error, "Session {SessionId}: the application failed handling {CommandId} (sequence {SequenceNumber}); answered ESME_RSYSERR")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, long sessionId, CommandId commandId, uint sequenceNumber);

    [LoggerMessage(9, LogLevel.Debug, "Session {SessionId} received {CommandId} (sequence {SequenceNumber}) matching no outstanding request")]
    public static partial void UnmatchedResponse(ILogger logger, long sessionId, CommandId commandId, uint sequenceNumber);

    [LoggerMessage(10, LogLevel.Warning, "Session {SessionId} ({RemoteEndPoint}): no answer to enquire_link within {Timeout}; closing as dead")]
    public static partial void DeadPeer(ILogger logger, long sessionId, EndPoint? remoteEndPoint, TimeSpan timeout);

    [LoggerMessage(11, LogLevel.Debug, "Session {SessionId} answered {CommandId} (sequence {SequenceNumber}) with {Status} in state {State}")]
    public static partial void RequestRefused(ILogger logger, long sessionId, CommandId commandId, uint sequenceNumber, CommandStatus status, SmppSessionState state);

    [LoggerMessage(12, LogLevel.Debug, "Session {SessionId}: the transport failed")]
    public static partial void TransportFailed(ILogger logger, Exception? exception, long sessionId);

    [LoggerMessage(13, LogLevel.Error, "Session {SessionId}: the application failed in a notification")]
    public static partial void NotificationFailed(ILogger logger, Exception exception, long sessionId);

    [LoggerMessage(20, LogLevel.Information, "SMPP server listening on {EndPoint} (TLS: {Tls})")]
    public static partial void ServerListening(ILogger logger, EndPoint endPoint, bool tls);

    [LoggerMessage(21, LogLevel.Information, "SMPP server on {EndPoint} stopped")]
    public static partial void ServerStopped(ILogger logger, EndPoint? endPoint);

    [LoggerMessage(22, LogLevel.Warning, "SMPP server refused the bind of '{SystemId}' ({RemoteEndPoint}): {SessionCount} sessions reached the maximum")]
    public static partial void SessionLimitReached(ILogger logger, string systemId, EndPoint? remoteEndPoint, int sessionCount);

    [LoggerMessage(23, LogLevel.Warning, "SMPP server: TLS handshake with {RemoteEndPoint} failed")]
    public static partial void TlsHandshakeFailed(ILogger logger, Exception exception, EndPoint? remoteEndPoint);

    [LoggerMessage(24, LogLevel.Error, "SMPP server: accepting a connection failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(30, LogLevel.Information, "SMPP client bound to {Host}:{Port} as '{SystemId}' ({State})")]
    public static partial void ClientBound(ILogger logger, string host, int port, string systemId, SmppSessionState state);

    [LoggerMessage(31, LogLevel.Warning, "SMPP client lost the link to {Host}:{Port} ({Reason}); reconnecting")]
    public static partial void ClientLinkLost(ILogger logger, string host, int port, SmppCloseReason reason);

    [LoggerMessage(32, LogLevel.Warning, "SMPP client could not reconnect to {Host}:{Port} (attempt {Attempt}); next try in {Delay}")]
    public static partial void ClientReconnectFailed(ILogger logger, Exception exception, string host, int port, int attempt, TimeSpan delay);

    [LoggerMessage(33, LogLevel.Debug, "SMPP client: {CommandId} answered {Status}; backing off {Delay} (attempt {Attempt})")]
    public static partial void ClientThrottled(ILogger logger, CommandId commandId, CommandStatus status, TimeSpan delay, int attempt);
}
