namespace Pigeon.Smpp.Protocol;

/// <summary>addr_npi values (specification section 5.2.6). Wire values.</summary>
public enum NumberingPlan : byte
{
    Unknown = 0,
    /// <summary>ISDN (E.163/E.164).</summary>
    Isdn = 1,
    /// <summary>Data (X.121).</summary>
    Data = 3,
    /// <summary>Telex (F.69).</summary>
    Telex = 4,
    /// <summary>Land mobile (E.212).</summary>
    LandMobile = 6,
    National = 8,
    Private = 9,
    Ermes = 10,
    Internet = 14,
    /// <summary>WAP client id.</summary>
    WapClientId = 18,
}
