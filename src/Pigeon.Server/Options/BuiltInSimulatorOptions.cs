namespace Pigeon.Server.Options;

/// <summary>
/// The SMSC simulator `pigeon serve` starts on loopback as the default supplier, so a new installation shows
/// messages flowing and receipts coming back with no supplier configured.
/// </summary>
public sealed class BuiltInSimulatorOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Loopback port of the built-in simulator.</summary>
    public int Port { get; set; } = 2776;

    /// <summary>Delay before each receipt, to look like a network.</summary>
    public TimeSpan ReceiptDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
