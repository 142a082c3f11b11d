using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>Records the contract tests store: unique names and ids, times to the millisecond.</summary>
internal static class Sample
{
    private static readonly MessageIdGenerator Ids = new(7, TimeProvider.System);

    public static MessageId NextId() => Ids.Next();

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];

    /// <summary>Now, to the millisecond (stores keep microseconds).</summary>
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public static Customer Customer() => new() { Id = 0, Name = Unique("customer"), Country = "DE", Currency = "EUR" };

    public static Supplier Supplier() => new()
    {
        Id = 0,
        Name = Unique("supplier"),
        Host = "127.0.0.1",
        Port = 2776,
        SystemId = "pigeon",
        Password = "secret",
    };

    public static SmppAccount SmppAccount(long customerId) => new()
    {
        Id = 0,
        CustomerId = customerId,
        SystemId = $"sys{Random.Shared.Next(1_000_000_000):D9}",
        PasswordHash = "pbkdf2$sha256$100000$c2FsdA==$aGFzaA==",
    };

    /// <summary>A message of <paramref name="parts"/> parts queued for <paramref name="supplierId"/>, 0.05 a segment.</summary>
    public static (MessageRecord Message, MessagePart[] Parts) Message(
        long customerId, long supplierId, int parts = 1, long? smppAccountId = null, byte registeredDelivery = 1, string destination = "491701234567", DateTimeOffset? createdAt = null)
    {
        var id = NextId();
        var message = new MessageRecord
        {
            Id = id,
            CustomerId = customerId,
            SmppAccountId = smppAccountId,
            Source = "Pigeon",
            SourceTon = 5,
            SourceNpi = 0,
            Destination = destination,
            Segments = parts,
            PartCount = parts,
            ClientReference = "ref-1",
            RegisteredDelivery = registeredDelivery,
            SupplierId = supplierId,
            PricePerSegment = 0.05m,
            Charge = 0.05m * parts,
            Currency = "EUR",
            CreatedAt = createdAt ?? Now(),
        };
        var list = new MessagePart[parts];
        for (var i = 0; i < parts; i++)
        {
            list[i] = new MessagePart
            {
                Id = i == 0 ? id : NextId(),
                MessageId = id,
                PartNumber = i + 1,
                Body = [0x05, 0x00, 0x03, 0x2A, (byte)parts, (byte)(i + 1), 0x48, 0x69],
                EsmClass = parts > 1 ? (byte)0x40 : (byte)0,
                SupplierId = supplierId,
            };
        }

        return (message, list);
    }

    public static ReceiptRecord Receipt(long supplierId, string supplierMessageId, MessageStatus status) => new()
    {
        SupplierId = supplierId,
        SupplierMessageId = supplierMessageId,
        Status = status,
        Error = status == MessageStatus.Delivered ? "000" : "001",
        DoneAt = Now(),
        ReceivedAt = Now(),
    };
}
