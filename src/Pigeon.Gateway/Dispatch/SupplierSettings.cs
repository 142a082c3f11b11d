using Pigeon.Gateway.Routing;

namespace Pigeon.Gateway.Dispatch;

/// <summary>Checks a supplier's settings before anything is opened with them (SMPP v3.4 section 4.1 field sizes).</summary>
internal static class SupplierSettings
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting a bind could not use.</summary>
    public static void Validate(Supplier supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentException.ThrowIfNullOrEmpty(supplier.Host, nameof(supplier));
        Require(supplier.Port is > 0 and <= 65535, supplier, "Port must be 1..65535.");
        Require(supplier.SystemId.Length <= 15, supplier, "SystemId must be at most 15 characters.");
        Require(supplier.Password.Length <= 8, supplier, "Password must be at most 8 characters.");
        Require(supplier.SystemType.Length <= 12, supplier, "SystemType must be at most 12 characters.");
        Require(supplier.Binds >= 0, supplier, "Binds must not be negative.");
        Require(supplier.Window >= 1, supplier, "Window must be at least 1.");
        Require(supplier.Tps >= 0, supplier, "Tps must not be negative.");
    }

    private static void Require(bool condition, Supplier supplier, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Supplier {supplier.Id} '{supplier.Name}': {rule}", nameof(supplier));
        }
    }
}
