using System.Runtime.InteropServices;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// Decides which commands of a batch the set statements run and which take their function in command order. A
/// command goes set-based when it is a hot command its set statement can run (an AcceptMessage without a request
/// to remember; a RecordSupplierAccepted no receipt waits for; a StoreReceipt that waits or matches a one-part
/// message; a MarkCustomerReceiptDelivered in a batch that expires no customer receipts) and it shares no key with
/// any other command of the batch. The keys are what two commands could both read or change: a message (named by
/// an accept, or reached through the part a command names or a receipt matches), a part, a supplier's match key
/// (the one a RecordSupplierAccepted maps, each lookup key of a receipt), a customer receipt. Such a command neither
/// sees nor changes anything another command of the batch touches, so it gives the same result and leaves the same
/// rows wherever it runs in the batch; only the ids drawn for new rows (receipts, events, ledger entries) may come
/// in another order than the commands. Reused batch after batch.
/// </summary>
internal sealed class BatchPartition
{
    private readonly Dictionary<long, int> _messages = [];
    private readonly Dictionary<long, int> _parts = [];
    private readonly Dictionary<(long Supplier, string MatchKey), int> _matchKeys = [];
    private readonly Dictionary<long, int> _customerReceipts = [];
    private bool _expiresCustomerReceipts;

    /// <summary>Sets <paramref name="setBased"/>[i] for each command a set statement may run.</summary>
    public void Decide(ReadOnlySpan<WriteCommand> commands, BatchProbe probe, Span<bool> setBased)
    {
        _messages.Clear();
        _parts.Clear();
        _matchKeys.Clear();
        _customerReceipts.Clear();
        _expiresCustomerReceipts = false;
        for (var i = 0; i < commands.Length; i++)
        {
            VisitKeys(i, commands[i], probe, counting: true);
        }

        for (var i = 0; i < commands.Length; i++)
        {
            setBased[i] = IsSetCandidate(i, commands[i], probe) && VisitKeys(i, commands[i], probe, counting: false);
        }
    }

    private bool IsSetCandidate(int index, WriteCommand command, BatchProbe probe) => command switch
    {
        AcceptMessage a => a.Remember is null,
        RecordSupplierAccepted => !probe.HasWaitingReceipts(index),
        StoreReceipt => probe.MatchOf(index) is not { } match || match.PartCount == 1,
        MarkCustomerReceiptDelivered => !_expiresCustomerReceipts,
        _ => false,
    };

    /// <summary>Counts the command's keys, or (not counting) tells whether every one of them is the command's alone.</summary>
    private bool VisitKeys(int index, WriteCommand command, BatchProbe probe, bool counting)
    {
        switch (command)
        {
            case AcceptMessage a:
                var own = Key(_messages, a.Message.Id.Value, counting);
                foreach (var part in a.Parts)
                {
                    own &= Key(_parts, part.Id.Value, counting);
                }

                return own;
            case RecordSupplierAccepted a:
                return Key(_parts, a.PartId.Value, counting)
                    & MessageKey(probe.MessageOfPart(index), counting)
                    & Key(_matchKeys, (a.SupplierId, ReceiptMessageId.Normalize(a.SupplierMessageId)), counting);
            case FinishPart f:
                return Key(_parts, f.PartId.Value, counting) & MessageKey(probe.MessageOfPart(index), counting);
            case RecordFailover f:
                return Key(_parts, f.PartId.Value, counting) & MessageKey(probe.MessageOfPart(index), counting);
            case StoreReceipt { Receipt: var r }:
                var alone = true;
                foreach (var key in probe.LookupKeys(index))
                {
                    alone &= Key(_matchKeys, (r.SupplierId, key), counting);
                }

                return probe.MatchOf(index) is { } match
                    ? alone & Key(_parts, match.Part, counting) & MessageKey(match.Message, counting)
                    : alone;
            case MarkCustomerReceiptDelivered d:
                return Key(_customerReceipts, d.Id, counting);
            case ExpireCustomerReceipts:
                _expiresCustomerReceipts = true;
                return false;
            default:
                return false;
        }
    }

    private bool MessageKey(long? message, bool counting) => message is not { } id || Key(_messages, id, counting);

    private static bool Key<TKey>(Dictionary<TKey, int> keys, TKey key, bool counting)
        where TKey : notnull
    {
        if (counting)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(keys, key, out _)++;
            return true;
        }

        return keys[key] == 1;
    }
}
