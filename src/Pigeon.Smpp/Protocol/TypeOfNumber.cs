namespace Pigeon.Smpp.Protocol;

/// <summary>addr_ton values (specification section 5.2.5). Wire values.</summary>
public enum TypeOfNumber : byte
{
    Unknown = 0,
    International = 1,
    National = 2,
    NetworkSpecific = 3,
    SubscriberNumber = 4,
    Alphanumeric = 5,
    Abbreviated = 6,
}
