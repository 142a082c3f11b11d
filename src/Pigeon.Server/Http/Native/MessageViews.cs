using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Text;

namespace Pigeon.Server.Http.Native;

/// <summary>Stored messages and their history in the native API's shape.</summary>
internal static class MessageViews
{
    /// <summary>Stored destinations are E.164 digits, or short codes kept as given (at most 6 digits).</summary>
    private const int LongestShortCode = 6;

    public static MessageView Summary(MessageRecord message) => new()
    {
        Id = NativeWords.Id(message.Id.Value),
        From = message.SourceTon == 1 ? "+" + message.Source : message.Source,
        To = NativeWords.Number(message.Destination, message.Destination.Length > LongestShortCode),
        Status = NativeWords.Status(message.Status),
        // A receipt's err of a delivered message ("000") is no error.
        Error = message.Status is MessageStatus.Accepted or MessageStatus.Enroute or MessageStatus.Delivered ? null : message.Error,
        Segments = message.Segments,
        Encoding = NativeWords.Encoding(new DataCoding(message.DataCoding).Encoding),
        Price = NativeWords.Money(message.Charge),
        PricePerSegment = NativeWords.Money(message.PricePerSegment),
        Currency = message.Currency,
        ClientReference = message.ClientReference,
        CreatedAt = message.CreatedAt.ToUniversalTime(),
        SendAt = message.ScheduledAt?.ToUniversalTime(),
        ValidUntil = message.ValidUntil?.ToUniversalTime(),
        SubmittedAt = message.SubmittedAt?.ToUniversalTime(),
        DoneAt = message.DoneAt?.ToUniversalTime(),
    };

    /// <summary>The message with its history: accepted and charged, then each stored event, then the refund of a rejection.</summary>
    public static MessageView Detail(MessageDetail detail)
    {
        var message = detail.Message;
        var partNumbers = detail.Parts.ToDictionary(p => p.Id, p => p.PartNumber);
        var several = detail.Parts.Count > 1;
        var history = new List<MessageEventView>(detail.History.Count + 3)
        {
            new() { Type = "accepted", At = message.CreatedAt.ToUniversalTime() },
        };
        if (message.Charge > 0)
        {
            history.Add(new() { Type = "charged", At = message.CreatedAt.ToUniversalTime(), Amount = NativeWords.Money(message.Charge), Currency = message.Currency });
        }

        foreach (var e in detail.History)
        {
            int? part = several && e.PartId is { } partId && partNumbers.TryGetValue(partId, out var number) ? number : null;
            history.Add(e.Kind switch
            {
                MessageEventKind.SupplierAccepted => new() { Type = "submitted", At = e.At.ToUniversalTime(), Part = part, SupplierMessageId = e.Detail, Status = Word(e.Status) },
                MessageEventKind.FailedOver => new() { Type = "failed_over", At = e.At.ToUniversalTime(), Part = part, Detail = e.Detail },
                MessageEventKind.Receipt => new() { Type = "receipt", At = e.At.ToUniversalTime(), Part = part, Status = Word(e.Status), Detail = e.Detail },
                _ => new() { Type = "finished", At = e.At.ToUniversalTime(), Part = part, Status = Word(e.Status), Detail = e.Detail },
            });
        }

        if (message.Status == MessageStatus.Rejected && message.Charge > 0)
        {
            history.Add(new() { Type = "refunded", At = (message.DoneAt ?? message.CreatedAt).ToUniversalTime(), Amount = NativeWords.Money(message.Charge), Currency = message.Currency });
        }

        return Summary(message) with { History = history };
    }

    private static string? Word(MessageStatus? status) => status is { } s ? NativeWords.Status(s) : null;
}
