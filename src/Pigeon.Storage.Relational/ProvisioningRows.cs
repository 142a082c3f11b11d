using System.Data.Common;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Relational;

/// <summary>The column lists of the provisioning tables and the mapping of their rows, shared by both engines.</summary>
internal static class ProvisioningRows
{
    public const string CustomerColumns = "id, name, country, currency, status, balance, created_at";

    public const string SmppAccountColumns =
        "id, customer_id, system_id, password_hash, bind_enabled, submit_enabled, max_binds, tps, allowed_ips, closed_user_group, created_at";

    public const string SenderIdColumns = "id, customer_id, value, active";

    public const string InboundNumberColumns = "number, customer_id, smpp_account_id";

    public const string SupplierColumns =
        "id, name, host, port, system_id, password, system_type, binds, window_size, tps, use_tls, admin_up, submit_suspended";

    public const string RouteColumns = "id, prefix, customer_id, supplier_id, price, currency, priority, enabled";

    public const string ApiKeyColumns = "id, customer_id, name, prefix, secret_hash, allowed_ips, tps, created_at, revoked_at, last_used_at";

    public const string BlockedNumberColumns = "number, customer_id, created_at";

    public const string LedgerColumns = "id, customer_id, kind, amount, reason, message_id, created_at";

    public static Customer ReadCustomer(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        Name = r.GetString(1),
        Country = r.GetString(2),
        Currency = r.GetString(3),
        Status = (CustomerStatus)r.GetInt32(4),
        Balance = d.ReadMoney(r, 5),
        CreatedAt = d.ReadTime(r, 6),
    };

    public static SmppAccount ReadSmppAccount(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        CustomerId = r.GetInt64(1),
        SystemId = r.GetString(2),
        PasswordHash = r.GetString(3),
        BindEnabled = r.GetBoolean(4),
        SubmitEnabled = r.GetBoolean(5),
        MaxBinds = r.GetInt32(6),
        Tps = r.GetInt32(7),
        AllowedIps = DbCommandExtensions.SplitLines(r.GetString(8)),
        ClosedUserGroup = DbCommandExtensions.SplitLines(r.GetString(9)),
        CreatedAt = d.ReadTime(r, 10),
    };

    public static SenderId ReadSenderId(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        CustomerId = r.GetInt64(1),
        Value = r.GetString(2),
        Active = r.GetBoolean(3),
    };

    public static InboundNumber ReadInboundNumber(DbDataReader r, ISqlDialect d) => new()
    {
        Number = r.GetString(0),
        CustomerId = r.GetInt64(1),
        SmppAccountId = r.GetInt64OrNull(2),
    };

    public static Supplier ReadSupplier(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        Name = r.GetString(1),
        Host = r.GetString(2),
        Port = r.GetInt32(3),
        SystemId = r.GetString(4),
        Password = r.GetString(5),
        SystemType = r.GetString(6),
        Binds = r.GetInt32(7),
        Window = r.GetInt32(8),
        Tps = r.GetInt32(9),
        UseTls = r.GetBoolean(10),
        AdminUp = r.GetBoolean(11),
        SubmitSuspended = r.GetBoolean(12),
    };

    public static Route ReadRoute(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        Prefix = r.GetString(1),
        CustomerId = r.GetInt64OrNull(2),
        SupplierId = r.GetInt64(3),
        Price = d.ReadMoney(r, 4),
        Currency = r.GetString(5),
        Priority = r.GetInt32(6),
        Enabled = r.GetBoolean(7),
    };

    public static LedgerEntry ReadLedgerEntry(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        CustomerId = r.GetInt64(1),
        Kind = (LedgerEntryKind)r.GetInt32(2),
        Amount = d.ReadMoney(r, 3),
        Reason = r.GetString(4),
        MessageId = r.IsDBNull(5) ? null : new MessageId(r.GetInt64(5)),
        CreatedAt = d.ReadTime(r, 6),
    };

    public static ApiKey ReadApiKey(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        CustomerId = r.GetInt64OrNull(1),
        Name = r.GetString(2),
        Prefix = r.GetString(3),
        SecretHash = r.GetString(4),
        AllowedIps = DbCommandExtensions.SplitLines(r.GetString(5)),
        Tps = r.GetInt32(6),
        CreatedAt = d.ReadTime(r, 7),
        RevokedAt = r.IsDBNull(8) ? null : d.ReadTime(r, 8),
        LastUsedAt = r.IsDBNull(9) ? null : d.ReadTime(r, 9),
    };

    public static BlockedNumber ReadBlockedNumber(DbDataReader r, ISqlDialect d) => new()
    {
        Number = r.GetString(0),
        CustomerId = r.GetInt64OrNull(1),
        CreatedAt = d.ReadTime(r, 2),
    };
}
