namespace Pigeon.Smpp.Protocol;

/// <summary>
/// An SME address as the specification lays it out in submit_sm and friends: addr_ton, addr_npi and the address
/// itself as a C-octet string (at most 20 characters in most PDUs, 64 in data_sm).
/// </summary>
public readonly record struct SmppAddress(TypeOfNumber Ton, NumberingPlan Npi, string Value)
{
    /// <summary>An empty address (ton 0, npi 0, no digits), as an ESME may leave source_addr.</summary>
    public static SmppAddress Empty { get; } = new(TypeOfNumber.Unknown, NumberingPlan.Unknown, string.Empty);

    /// <summary>An international number (TON 1, NPI 1).</summary>
    public static SmppAddress International(string digits) => new(TypeOfNumber.International, NumberingPlan.Isdn, digits);

    /// <summary>An alphanumeric sender (TON 5, NPI 0).</summary>
    public static SmppAddress Alphanumeric(string name) => new(TypeOfNumber.Alphanumeric, NumberingPlan.Unknown, name);

    /// <inheritdoc />
    public override string ToString() => $"{(byte)Ton}/{(byte)Npi}/{Value}";
}
