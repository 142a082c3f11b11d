using System.Globalization;
using System.Text;
using Pigeon.Gateway.Dispatch;
using Pigeon.Gateway.Identity;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>Parts for tests: the body is the part id in ASCII, so a fake SMSC can tell which part it received.</summary>
internal static class TestParts
{
    public static DispatchItem Part(long partId, long supplierId = 1, params long[] failover) => new()
    {
        PartId = new MessageId(partId),
        MessageId = new MessageId(partId),
        Source = SmppAddress.Alphanumeric("Pigeon"),
        Destination = SmppAddress.International("491701234567"),
        Body = Encoding.ASCII.GetBytes(partId.ToString(CultureInfo.InvariantCulture)),
        SupplierId = supplierId,
        FailoverSupplierIds = failover,
    };

    public static IEnumerable<DispatchItem> Range(long firstId, int count, long supplierId = 1, params long[] failover)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Part(firstId + i, supplierId, failover);
        }
    }

    /// <summary>The part id a body written by <see cref="Part"/> carries; -1 for any other body.</summary>
    public static long IdOf(ReadOnlySpan<byte> body) =>
        long.TryParse(Encoding.ASCII.GetString(body), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
}
