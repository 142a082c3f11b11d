namespace Pigeon.Provisioning;

/// <summary>Which amounts a money option takes.</summary>
internal enum AmountSign
{
    /// <summary>Above zero (a credit).</summary>
    Positive,
    /// <summary>Zero or above (a price).</summary>
    NotNegative,
    /// <summary>Either sign, not zero (a balance move).</summary>
    NotZero,
}
