using System.Collections.Concurrent;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Server.Tests.Support;

/// <summary>A customer's SMPP transceiver bound to serve, keeping every receipt it is sent by receipted message id.</summary>
internal sealed class CustomerClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DeliverSm> _receipts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _receiptCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DeliverSm> _mobileOriginated = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private SmppClient? _client;

    public SmppClient Client => _client ?? throw new InvalidOperationException("Not connected.");

    public IReadOnlyDictionary<string, DeliverSm> Receipts => _receipts;

    /// <summary>How many receipts came for each receipted message id (more than one is a duplicate).</summary>
    public IReadOnlyDictionary<string, int> ReceiptCounts => _receiptCounts;

    /// <summary>deliver_sm that are not receipts: MO, in arrival order.</summary>
    public IReadOnlyCollection<DeliverSm> MobileOriginated => _mobileOriginated;

    public static async Task<CustomerClient> BindAsync(int port, string systemId, string password, BindMode mode = BindMode.Transceiver)
    {
        var customer = new CustomerClient();
        var options = new SmppClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            SystemId = systemId,
            Password = password,
            BindMode = mode,
            AutoReconnect = false,
            BindTimeout = TimeSpan.FromSeconds(30),
            ResponseTimeout = TimeSpan.FromSeconds(60),
        };
        customer._client = new SmppClient(options, customer.OnRequestAsync);
        await customer._client.ConnectAsync();
        return customer;
    }

    /// <summary>A submit_sm of <paramref name="text"/> from <paramref name="source"/> asking for a receipt.</summary>
    public static SubmitSm Text(string destination, string text, string source = "Pigeon")
    {
        var encoding = Smpp.Text.SmsText.ChooseEncoding(text);
        return new SubmitSm
        {
            Source = SmppAddress.Alphanumeric(source),
            Destination = SmppAddress.International(destination),
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
            DataCoding = encoding == Smpp.Text.SmsEncoding.Ucs2 ? (byte)0x08 : (byte)0x00,
            ShortMessage = Smpp.Text.SmsText.GetBytes(text, encoding),
        };
    }

    /// <summary>Waits until a receipt has come for every id of <paramref name="ids"/>; false at the time-out.</summary>
    public async Task<bool> WaitForReceiptsAsync(IEnumerable<string> ids, TimeSpan timeout)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + timeout;
        while (!wanted.All(_receipts.ContainsKey))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(250));
        }

        return true;
    }

    /// <summary>Waits until <paramref name="count"/> MO have come; false at the time-out.</summary>
    public async Task<bool> WaitForMobileOriginatedAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_mobileOriginated.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(250));
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        _arrived.Dispose();
    }

    private ValueTask<ResponsePdu?> OnRequestAsync(RequestPdu request, CancellationToken cancellationToken)
    {
        if (request is DeliverSm deliver && DeliveryReceipt.TryParse(deliver, out var receipt))
        {
            var id = deliver.ReceiptedMessageId ?? receipt.MessageId;
            _receipts[id] = deliver;
            _receiptCounts.AddOrUpdate(id, 1, static (_, n) => n + 1);
            _arrived.Release();
        }
        else if (request is DeliverSm mo)
        {
            _mobileOriginated.Enqueue(mo);
            _arrived.Release();
        }

        return ValueTask.FromResult<ResponsePdu?>(request.CreateResponse(CommandStatus.Ok));
    }
}
