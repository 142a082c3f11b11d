namespace Pigeon.Smpp.Protocol;

/// <summary>The three ways an ESME can bind (section 2.2).</summary>
public enum BindMode : byte
{
    /// <summary>bind_transmitter: the ESME sends messages.</summary>
    Transmitter = 1,
    /// <summary>bind_receiver: the ESME receives messages and receipts.</summary>
    Receiver = 2,
    /// <summary>bind_transceiver: both.</summary>
    Transceiver = 3,
}
