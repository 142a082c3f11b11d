using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Client;

/// <summary>Opens the byte stream to the SMSC: TCP (and TLS) in production, an in-memory pipe in tests.</summary>
internal interface ISmppConnector
{
    /// <summary>Connects, or throws.</summary>
    ValueTask<SmppTransport> ConnectAsync(CancellationToken cancellationToken);
}
