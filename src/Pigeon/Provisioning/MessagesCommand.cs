using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>`pigeon messages show|list`: a message's whole history, and a customer's messages newest first.</summary>
internal static class MessagesCommand
{
    /// <summary>Ledger entries read at most when looking for a message's charge and refund.</summary>
    private const int LedgerScanLimit = 20_000;

    public static Command Create(StoreSelection selection)
    {
        var group = new Command("messages", "Messages: show one with its history, list a customer's.") { Show(selection), List(selection) };
        selection.AddTo(group);
        return group;
    }

    private static Command Show(StoreSelection selection)
    {
        var id = new Argument<string>("ID") { Description = "The message id (or a part's id) as given in submit_sm_resp." };
        id.Validators.Add(r =>
        {
            if (!MessageId.TryParse(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError($"ID must be a message id (a decimal number); got '{r.GetValueOrDefault<string>()}'.");
            }
        });
        var command = new Command("show", "Show a message: accepted, parts, submits with the supplier's id, receipts, charge and refund.") { id };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            if (!MessageId.TryParse(context.Value(id), out var messageId))
            {
                throw new ProvisioningFailedException($"not a message id: '{context.Value(id)}'.");
            }

            var detail = await context.Store.Messages.GetMessageAsync(messageId, ct)
                ?? throw new ProvisioningFailedException($"no message {messageId}.");
            var m = detail.Message;
            var ledger = await LedgerOfAsync(context.Provisioning, m, ct);
            var suppliers = (await context.Provisioning.ListSuppliersAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
            string SupplierName(long? supplierId) => supplierId is { } s ? suppliers.GetValueOrDefault(s) ?? $"#{Number(s)}" : "-";
            if (context.Output.Json)
            {
                var json = ProvisioningJson.Message(m);
                json["parts_detail"] = ProvisioningJson.Array(detail.Parts.Select(ProvisioningJson.Part));
                json["history"] = ProvisioningJson.Array(detail.History.Select(e => new JsonObject
                {
                    ["at"] = e.At,
                    ["kind"] = e.Kind.ToString(),
                    ["part_id"] = e.PartId?.ToString(),
                    ["status"] = e.Status?.ToString().ToLowerInvariant(),
                    ["supplier_id"] = e.SupplierId,
                    ["detail"] = e.Detail,
                }));
                json["ledger"] = ProvisioningJson.Array(ledger.Select(ProvisioningJson.Ledger));
                await context.Output.JsonAsync(json);
                return ExitCodes.Success;
            }

            await context.Output.FieldsAsync(
            [
                ("message", m.Id.ToString()),
                ("status", m.Status.ToString().ToLowerInvariant() + (m.Error is null ? string.Empty : $" ({m.Error})")),
                ("from", m.Source),
                ("to", m.Destination),
                ("customer", Number(m.CustomerId)),
                ("segments", $"{Number(m.Segments)} in {Number(m.PartCount)} part(s)"),
                ("supplier", SupplierName(m.SupplierId)),
                ("charge", $"{Money(m.Charge)} {m.Currency} ({Money(m.PricePerSegment)} a segment)"),
            ]);
            var lines = new List<(DateTimeOffset At, string What)> { (m.CreatedAt, $"accepted, {Number(m.PartCount)} part(s), charged {Money(m.Charge)} {m.Currency}") };
            lines.AddRange(detail.History.Select(e => (e.At, Describe(e, SupplierName))));
            lines.AddRange(ledger.Where(e => e.Kind != LedgerEntryKind.Charge).Select(e => (e.CreatedAt, $"{e.Kind.ToString().ToLowerInvariant()} {Money(e.Amount)} {m.Currency}: {e.Reason}")));
            await context.Output.LineAsync(string.Empty);
            await context.Output.TableAsync(["WHEN", "WHAT"], [.. lines.OrderBy(l => l.At).Select(l => (IReadOnlyList<string>)[Time(l.At), l.What])]);
            await context.Output.LineAsync(string.Empty);
            await context.Output.TableAsync(
                ["PART", "ID", "STATUS", "SUPPLIER", "SUPPLIER_MESSAGE_ID", "ATTEMPTS"],
                [.. detail.Parts.Select(p => (IReadOnlyList<string>)
                [
                    Number(p.PartNumber), p.Id.ToString(), p.Status.ToString().ToLowerInvariant(), SupplierName(p.SupplierId), p.SupplierMessageId ?? "-", Number(p.Attempts),
                ])]);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(MessageEvent e, Func<long?, string> supplierName)
    {
        var part = e.PartId is { } p ? $"part {p}: " : string.Empty;
        var status = e.Status?.ToString().ToLowerInvariant();
        return e.Kind switch
        {
            MessageEventKind.SupplierAccepted => $"{part}submitted to {supplierName(e.SupplierId)}, supplier id {e.Detail}",
            MessageEventKind.FailedOver => $"{part}failed over to {supplierName(e.SupplierId)}: {e.Detail}",
            MessageEventKind.Receipt => $"{part}receipt from {supplierName(e.SupplierId)}: {status}{(e.Detail is null ? string.Empty : $" ({e.Detail})")}",
            MessageEventKind.Finished => $"{part}ended by Pigeon: {status}{(e.Detail is null ? string.Empty : $" ({e.Detail})")}",
            _ => $"{part}{e.Kind} {status} {e.Detail}",
        };
    }

    /// <summary>The message's charge and refund entries: the customer's ledger read back from the newest to the charge.</summary>
    private static async Task<List<LedgerEntry>> LedgerOfAsync(IProvisioningStore store, MessageRecord message, CancellationToken ct)
    {
        var found = new List<LedgerEntry>();
        long? before = null;
        for (var read = 0; read < LedgerScanLimit;)
        {
            var page = await store.ListLedgerAsync(message.CustomerId, before, 500, ct);
            if (page.Count == 0)
            {
                break;
            }

            read += page.Count;
            found.AddRange(page.Where(e => e.MessageId == message.Id));
            if (found.Any(e => e.Kind == LedgerEntryKind.Charge) || page[^1].CreatedAt < message.CreatedAt)
            {
                break;
            }

            before = page[^1].Id;
        }

        found.Reverse();
        return found;
    }

    private static Command List(StoreSelection selection)
    {
        var customer = new Option<string>("--customer") { Description = "The customer's name or id.", Required = true };
        var to = new Option<string?>("--to") { Description = "Only messages to this number (E.164 digits)." };
        var since = Since("--since", "Only messages since a date (2026-11-01), a timestamp, or an age (1h, 7d).");
        var limit = new Option<int>("--limit") { Description = "Messages per page.", DefaultValueFactory = _ => 50 }.InRange(1, 1000);
        var before = MessageIdOption("--before", "Cursor: the 'next' value of the previous page.");
        var command = new Command("list", "List a customer's messages, newest first, a page at a time.") { customer, to, since, limit, before };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var page = await context.Store.Messages.ListMessagesAsync(new MessageQuery
            {
                CustomerId = owner.Id,
                Destination = context.Parse.GetValue(to)?.TrimStart('+'),
                Since = context.Parse.GetValue(since),
                Before = context.Parse.GetValue(before),
                Limit = context.Value(limit),
            }, ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject
                {
                    ["messages"] = ProvisioningJson.Array(page.Items.Select(ProvisioningJson.Message)),
                    ["next"] = page.Next?.ToString(),
                });
                return ExitCodes.Success;
            }

            await context.Output.TableAsync(
                ["ID", "CREATED", "FROM", "TO", "STATUS", "SEGMENTS", "CHARGE"],
                [.. page.Items.Select(m => (IReadOnlyList<string>)
                [
                    m.Id.ToString(), Time(m.CreatedAt), m.Source, m.Destination, m.Status.ToString().ToLowerInvariant(), Number(m.Segments), $"{Money(m.Charge)} {m.Currency}",
                ])]);
            if (page.Next is { } next)
            {
                await context.Output.LineAsync($"more: --before {next}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
