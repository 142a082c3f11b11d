using System.Data.Common;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Relational;

/// <summary>The column lists of the message tables and the mapping of their rows, shared by both engines.</summary>
internal static class MessageRows
{
    /// <summary>The 25 columns of messages (alias m), in the order <see cref="ReadMessage"/> reads them.</summary>
    public const string MessageColumns =
        "m.id, m.customer_id, m.smpp_account_id, m.source, m.source_ton, m.source_npi, m.destination, m.data_coding, " +
        "m.segments, m.part_count, m.client_reference, m.registered_delivery, m.valid_until, m.scheduled_at, " +
        "m.route_id, m.supplier_id, m.price_per_segment, m.charge, m.currency, m.status, m.error, m.created_at, " +
        "m.submitted_at, m.done_at, m.callback_url";

    public const int MessageColumnCount = 25;

    /// <summary>The 13 columns of message_parts (alias p), in the order <see cref="ReadPart"/> reads them.</summary>
    public const string PartColumns =
        "p.id, p.message_id, p.part_number, p.body, p.esm_class, p.data_coding, p.sar_reference, p.sar_total_segments, " +
        "p.sar_segment_number, p.supplier_id, p.supplier_message_id, p.status, p.attempts";

    public const string ReceiptColumns = "id, supplier_id, supplier_message_id, status, error, done_at, received_at, part_id";

    public const string CustomerReceiptColumns =
        "id, smpp_account_id, message_id, status, error, source, destination, destination_ton, destination_npi, " +
        "submitted_at, done_at, created_at, delivered_at, expired_at";

    public const string MoColumns =
        "id, supplier_id, source, source_ton, source_npi, destination, esm_class, data_coding, body, customer_id, " +
        "smpp_account_id, received_at, delivered_at";

    public const string EventColumns = "id, message_id, part_id, kind, status, supplier_id, detail, at";

    public static MessageRecord ReadMessage(DbDataReader r, ISqlDialect d, int o) => new()
    {
        Id = new MessageId(r.GetInt64(o)),
        CustomerId = r.GetInt64(o + 1),
        SmppAccountId = r.GetInt64OrNull(o + 2),
        Source = r.GetString(o + 3),
        SourceTon = (byte)r.GetInt32(o + 4),
        SourceNpi = (byte)r.GetInt32(o + 5),
        Destination = r.GetString(o + 6),
        DataCoding = (byte)r.GetInt32(o + 7),
        Segments = r.GetInt32(o + 8),
        PartCount = r.GetInt32(o + 9),
        ClientReference = r.GetStringOrNull(o + 10),
        RegisteredDelivery = (byte)r.GetInt32(o + 11),
        ValidUntil = r.GetTimeOrNull(d, o + 12),
        ScheduledAt = r.GetTimeOrNull(d, o + 13),
        RouteId = r.GetInt64OrNull(o + 14),
        SupplierId = r.GetInt64OrNull(o + 15),
        PricePerSegment = d.ReadMoney(r, o + 16),
        Charge = d.ReadMoney(r, o + 17),
        Currency = r.GetString(o + 18),
        Status = (MessageStatus)r.GetInt32(o + 19),
        Error = r.GetStringOrNull(o + 20),
        CreatedAt = d.ReadTime(r, o + 21),
        SubmittedAt = r.GetTimeOrNull(d, o + 22),
        DoneAt = r.GetTimeOrNull(d, o + 23),
        CallbackUrl = r.GetStringOrNull(o + 24),
    };

    public static MessagePart ReadPart(DbDataReader r, int o) => new()
    {
        Id = new MessageId(r.GetInt64(o)),
        MessageId = new MessageId(r.GetInt64(o + 1)),
        PartNumber = r.GetInt32(o + 2),
        Body = r.GetFieldValue<byte[]>(o + 3),
        EsmClass = (byte)r.GetInt32(o + 4),
        DataCoding = (byte)r.GetInt32(o + 5),
        SarReference = r.GetInt32OrNull(o + 6) is { } reference ? (ushort)reference : null,
        SarTotalSegments = r.GetInt32OrNull(o + 7) is { } total ? (byte)total : null,
        SarSegmentNumber = r.GetInt32OrNull(o + 8) is { } number ? (byte)number : null,
        SupplierId = r.GetInt64OrNull(o + 9),
        SupplierMessageId = r.GetStringOrNull(o + 10),
        Status = (MessageStatus)r.GetInt32(o + 11),
        Attempts = r.GetInt32(o + 12),
    };

    public static ReceiptRecord ReadReceipt(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        SupplierId = r.GetInt64(1),
        SupplierMessageId = r.GetString(2),
        Status = (MessageStatus)r.GetInt32(3),
        Error = r.GetStringOrNull(4),
        DoneAt = r.GetTimeOrNull(d, 5),
        ReceivedAt = d.ReadTime(r, 6),
        PartId = r.GetMessageIdOrNull(7),
    };

    public static CustomerReceiptRecord ReadCustomerReceipt(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        SmppAccountId = r.GetInt64(1),
        MessageId = new MessageId(r.GetInt64(2)),
        Status = (MessageStatus)r.GetInt32(3),
        Error = r.GetStringOrNull(4),
        Source = r.GetString(5),
        Destination = r.GetString(6),
        DestinationTon = (byte)r.GetInt32(7),
        DestinationNpi = (byte)r.GetInt32(8),
        SubmittedAt = d.ReadTime(r, 9),
        DoneAt = d.ReadTime(r, 10),
        CreatedAt = d.ReadTime(r, 11),
        DeliveredAt = r.GetTimeOrNull(d, 12),
        ExpiredAt = r.GetTimeOrNull(d, 13),
    };

    public static MoRecord ReadMo(DbDataReader r, ISqlDialect d) => ReadMoFields(r, d) with { DeliveredAt = r.GetTimeOrNull(d, 12) };

    /// <summary>Columns 0 to 11 of an MO row (id, supplier … received_at), shared by mo_messages and mo_parts.</summary>
    public static MoRecord ReadMoFields(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        SupplierId = r.GetInt64(1),
        Source = r.GetString(2),
        SourceTon = (byte)r.GetInt32(3),
        SourceNpi = (byte)r.GetInt32(4),
        Destination = r.GetString(5),
        EsmClass = (byte)r.GetInt32(6),
        DataCoding = (byte)r.GetInt32(7),
        Body = r.GetFieldValue<byte[]>(8),
        CustomerId = r.GetInt64OrNull(9),
        SmppAccountId = r.GetInt64OrNull(10),
        ReceivedAt = d.ReadTime(r, 11),
    };

    public static MessageEvent ReadEvent(DbDataReader r, ISqlDialect d) => new()
    {
        Id = r.GetInt64(0),
        MessageId = new MessageId(r.GetInt64(1)),
        PartId = r.GetMessageIdOrNull(2),
        Kind = (MessageEventKind)r.GetInt32(3),
        Status = r.GetInt32OrNull(4) is { } status ? (MessageStatus)status : null,
        SupplierId = r.GetInt64OrNull(5),
        Detail = r.GetStringOrNull(6),
        At = d.ReadTime(r, 7),
    };
}
