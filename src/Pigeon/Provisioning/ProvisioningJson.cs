using System.Text.Json.Nodes;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Storage;

namespace Pigeon.Provisioning;

/// <summary>
/// The JSON shapes provisioning commands print (snake_case, amounts as JSON numbers exact to six places). Secrets
/// are left out on purpose: no password hash of an SMPP account, no supplier password.
/// </summary>
internal static class ProvisioningJson
{
    public static JsonObject Customer(Customer c) => new()
    {
        ["id"] = c.Id,
        ["name"] = c.Name,
        ["country"] = c.Country,
        ["currency"] = c.Currency,
        ["status"] = c.Status.ToString().ToLowerInvariant(),
        ["balance"] = c.Balance,
        ["created_at"] = c.CreatedAt,
    };

    public static JsonObject SmppAccount(SmppAccount a, string? customerName) => new()
    {
        ["id"] = a.Id,
        ["customer_id"] = a.CustomerId,
        ["customer"] = customerName,
        ["system_id"] = a.SystemId,
        ["bind_enabled"] = a.BindEnabled,
        ["submit_enabled"] = a.SubmitEnabled,
        ["max_binds"] = a.MaxBinds,
        ["tps"] = a.Tps,
        ["allowed_ips"] = Array(a.AllowedIps),
        ["closed_user_group"] = Array(a.ClosedUserGroup),
        ["created_at"] = a.CreatedAt,
    };

    public static JsonObject Sender(SenderId s) => new()
    {
        ["id"] = s.Id,
        ["customer_id"] = s.CustomerId,
        ["value"] = s.Value,
        ["active"] = s.Active,
    };

    public static JsonObject Number(InboundNumber n, string? systemId) => new()
    {
        ["number"] = n.Number,
        ["customer_id"] = n.CustomerId,
        ["smpp_account_id"] = n.SmppAccountId,
        ["system_id"] = systemId,
    };

    public static JsonObject Supplier(Supplier s) => new()
    {
        ["id"] = s.Id,
        ["name"] = s.Name,
        ["host"] = s.Host,
        ["port"] = s.Port,
        ["system_id"] = s.SystemId,
        ["binds"] = s.Binds,
        ["window"] = s.Window,
        ["tps"] = s.Tps,
        ["tls"] = s.UseTls,
        ["admin_up"] = s.AdminUp,
        ["submit_suspended"] = s.SubmitSuspended,
    };

    public static JsonObject Route(Route r, string? supplierName, string? customerName) => new()
    {
        ["id"] = r.Id,
        ["prefix"] = r.Prefix,
        ["supplier_id"] = r.SupplierId,
        ["supplier"] = supplierName,
        ["customer_id"] = r.CustomerId,
        ["customer"] = customerName,
        ["price"] = r.Price,
        ["currency"] = r.Currency,
        ["priority"] = r.Priority,
        ["enabled"] = r.Enabled,
    };

    public static JsonObject Ledger(LedgerEntry e) => new()
    {
        ["id"] = e.Id,
        ["kind"] = e.Kind.ToString().ToLowerInvariant(),
        ["amount"] = e.Amount,
        ["reason"] = e.Reason,
        ["message_id"] = e.MessageId?.ToString(),
        ["created_at"] = e.CreatedAt,
    };

    public static JsonObject Message(MessageRecord m) => new()
    {
        ["id"] = m.Id.ToString(),
        ["customer_id"] = m.CustomerId,
        ["smpp_account_id"] = m.SmppAccountId,
        ["source"] = m.Source,
        ["destination"] = m.Destination,
        ["status"] = m.Status.ToString().ToLowerInvariant(),
        ["segments"] = m.Segments,
        ["parts"] = m.PartCount,
        ["supplier_id"] = m.SupplierId,
        ["route_id"] = m.RouteId,
        ["price_per_segment"] = m.PricePerSegment,
        ["charge"] = m.Charge,
        ["currency"] = m.Currency,
        ["client_reference"] = m.ClientReference,
        ["error"] = m.Error,
        ["created_at"] = m.CreatedAt,
        ["submitted_at"] = m.SubmittedAt,
        ["done_at"] = m.DoneAt,
    };

    public static JsonObject Part(MessagePart p) => new()
    {
        ["id"] = p.Id.ToString(),
        ["part_number"] = p.PartNumber,
        ["status"] = p.Status.ToString().ToLowerInvariant(),
        ["supplier_id"] = p.SupplierId,
        ["supplier_message_id"] = p.SupplierMessageId,
        ["attempts"] = p.Attempts,
        ["octets"] = p.Body.Length,
    };

    public static JsonArray Array(IEnumerable<string> items) => [.. items.Select(i => (JsonNode?)JsonValue.Create(i))];

    public static JsonArray Array(IEnumerable<JsonObject> items) => [.. items.Cast<JsonNode?>()];
}
