using System.Net;
using Pigeon.Gateway.Submission;
using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Server.Tests;

/// <summary>`pigeon serve` end to end over real sockets: customer SMPP in, built-in simulator out, receipts back.</summary>
public sealed class ServeFlowTests : IClassFixture<ServeFixture>
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(60);
    private readonly ServeFixture _fixture;

    public ServeFlowTests(ServeFixture fixture) => _fixture = fixture;

    [Fact]
    public void First_start_writes_every_credential_and_stops_cleanly_on_SIGTERM()
    {
        Assert.Equal(0, _fixture.FirstRunExitCode);
        Assert.StartsWith("pgn_", _fixture.Credentials["operator API key"], StringComparison.Ordinal);
        Assert.Equal("demo", _fixture.Credentials["demo customer"]);
        Assert.Equal(8, _fixture.Password.Length);
        Assert.Equal(_fixture.Serve.SmppPort.ToString(System.Globalization.CultureInfo.InvariantCulture), _fixture.Credentials["SMPP port"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_fixture.DataDirectory, "initial-credentials.txt")));
        }
    }

    [Fact]
    public async Task Health_answers_200_while_serving()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_fixture.Serve.HttpPort}/health"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_count_accepted_submits()
    {
        await using var customer = await BindDemoAsync();
        var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123100", "metrics"), TestContext.Current.CancellationToken);
        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        using var http = new HttpClient();
        var metrics = string.Empty;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!metrics.Contains("pigeon_gateway_submits_accepted", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            // The meter adapter publishes the .NET counters on its own period.
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{_fixture.Serve.HttpPort}/metrics"), TestContext.Current.CancellationToken);
        }

        Assert.Contains("pigeon_gateway_submits_accepted", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Short_message_is_acknowledged_with_our_id_and_its_receipt_carries_it()
    {
        await using var customer = await BindDemoAsync();
        var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123123", "Hello from the test"), TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.True(long.TryParse(response.MessageId, out _));
        Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], ReceiptTimeout));
        var receipt = customer.Receipts[response.MessageId];
        Assert.Equal(MessageState.Delivered, receipt.MessageState);
        Assert.True(DeliveryReceipt.TryParse(receipt, out var parsed));
        Assert.Equal(response.MessageId, parsed.MessageId);
        Assert.Equal("447911123123", receipt.Source.Value);
    }

    [Fact]
    public async Task Unicode_message_is_delivered_with_a_receipt()
    {
        await using var customer = await BindDemoAsync();
        var submit = CustomerClient.Text("447911123124", "Привет, голубь 🕊");
        Assert.Equal(0x08, submit.DataCoding);

        var response = await customer.Client.SubmitAsync(submit, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], ReceiptTimeout));
    }

    [Fact]
    public async Task Long_message_sent_in_UDH_parts_gets_one_id_and_one_receipt_per_part()
    {
        await using var customer = await BindDemoAsync();
        var text = string.Concat(Enumerable.Repeat("A long message in several parts. ", 12));
        var split = MessageSplitter.Split(text, ConcatenationMode.UdhReference8, 42);
        Assert.True(split.Parts.Count >= 3);

        var ids = new List<string>();
        foreach (var part in split.Parts)
        {
            var submit = CustomerClient.Text("447911123125", "x");
            submit.EsmClass = EsmClass.UdhIndicator;
            submit.DataCoding = split.DataCoding.Value;
            submit.ShortMessage = part;
            var response = await customer.Client.SubmitAsync(submit, TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            ids.Add(response.MessageId);
        }

        Assert.Equal(split.Parts.Count, ids.Distinct().Count());
        Assert.True(await customer.WaitForReceiptsAsync(ids, ReceiptTimeout));
    }

    [Fact]
    public async Task Long_message_in_message_payload_is_split_by_the_gateway_and_gets_one_receipt()
    {
        await using var customer = await BindDemoAsync();
        var submit = CustomerClient.Text("447911123126", "x");
        submit.ShortMessage = ReadOnlyMemory<byte>.Empty;
        submit.MessagePayload = Smpp.Text.SmsText.GetBytes(string.Concat(Enumerable.Repeat("Split by Pigeon. ", 30)), Smpp.Text.SmsEncoding.Gsm7);

        var response = await customer.Client.SubmitAsync(submit, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], ReceiptTimeout));
    }

    [Fact]
    public async Task Scheduled_message_is_acknowledged_at_once_and_sent_when_due()
    {
        await using var customer = await BindDemoAsync();
        var submit = CustomerClient.Text("447911123131", "later");
        submit.ScheduleDeliveryTime = "000000000004000R";
        var started = System.Diagnostics.Stopwatch.StartNew();

        var response = await customer.Client.SubmitAsync(submit, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], ReceiptTimeout));
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(3.5), $"the receipt came {started.Elapsed} after a submit scheduled 4 s ahead");
    }

    [Fact]
    public async Task Data_sm_is_acknowledged_with_our_id_and_receipted()
    {
        await using var customer = await BindDemoAsync();
        var data = new DataSm
        {
            Source = SmppAddress.Alphanumeric("Demo"),
            Destination = SmppAddress.International("447911123132"),
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
            MessagePayload = Smpp.Text.SmsText.GetBytes("data_sm payload", Smpp.Text.SmsEncoding.Gsm7),
        };

        var response = await customer.Client.SendAsync<DataSmResp>(data, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], ReceiptTimeout));
    }

    [Fact]
    public async Task Submit_multi_accepts_each_valid_destination_and_lists_the_refused_one()
    {
        await using var customer = await BindDemoAsync();
        var multi = new SubmitMulti
        {
            Source = SmppAddress.Alphanumeric("Demo"),
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
            ShortMessage = Smpp.Text.SmsText.GetBytes("to many", Smpp.Text.SmsEncoding.Gsm7),
        };
        multi.Destinations.Add(DestinationAddress.Sme(SmppAddress.International("447911123133")));
        multi.Destinations.Add(DestinationAddress.Sme(SmppAddress.International("12")));
        multi.Destinations.Add(DestinationAddress.Sme(SmppAddress.International("447911123134")));

        var response = await customer.Client.SendAsync<SubmitMultiResp>(multi, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        var refused = Assert.Single(response.UnsuccessfulSmes);
        Assert.Equal("12", refused.Address.Value);
        Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], ReceiptTimeout));
    }

    [Fact]
    public async Task Receipt_owed_while_only_a_transmitter_is_bound_flows_when_a_receiver_binds()
    {
        string id;
        await using (var transmitter = await CustomerClient.BindAsync(_fixture.Serve.SmppPort, _fixture.SystemId, _fixture.Password, BindMode.Transmitter))
        {
            var response = await transmitter.Client.SubmitAsync(CustomerClient.Text("447911123136", "receipt later"), TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            id = response.MessageId;
            Assert.False(await transmitter.WaitForReceiptsAsync([id], TimeSpan.FromSeconds(2)));
        }

        await using var receiver = await CustomerClient.BindAsync(_fixture.Serve.SmppPort, _fixture.SystemId, _fixture.Password, BindMode.Receiver);
        Assert.True(await receiver.WaitForReceiptsAsync([id], ReceiptTimeout));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_ESME_RINVPASWD()
    {
        var error = await Assert.ThrowsAsync<SmppBindException>(() => CustomerClient.BindAsync(_fixture.Serve.SmppPort, _fixture.SystemId, "wrong123"));
        Assert.Equal(CommandStatus.InvalidPassword, error.Status);
    }

    [Fact]
    public async Task Unknown_system_id_is_refused_with_ESME_RINVSYSID()
    {
        var error = await Assert.ThrowsAsync<SmppBindException>(() => CustomerClient.BindAsync(_fixture.Serve.SmppPort, "nobody", "whatever"));
        Assert.Equal(CommandStatus.InvalidSystemId, error.Status);
    }

    [Fact]
    public async Task Insufficient_balance_is_refused_with_the_planner_status()
    {
        await using var customer = await CustomerClient.BindAsync(_fixture.Serve.SmppPort, ServeFixture.PoorSystemId, ServeFixture.PoorPassword);
        var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123127", "no money"), TestContext.Current.CancellationToken);
        Assert.Equal(new SubmissionRefusal(RefusalReason.InsufficientBalance, string.Empty).Status, response.CommandStatus);
    }

    [Fact]
    public async Task Sender_not_allowed_is_refused_with_its_status()
    {
        await using var customer = await BindDemoAsync();
        var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123128", "who am I", source: "Stranger"), TestContext.Current.CancellationToken);
        Assert.Equal(new SubmissionRefusal(RefusalReason.SenderNotAllowed, string.Empty).Status, response.CommandStatus);
    }

    [Fact]
    public async Task Query_sm_answers_the_state_of_an_own_message_and_not_of_another_customers()
    {
        await using var demo = await BindDemoAsync();
        var submitted = await demo.Client.SubmitAsync(CustomerClient.Text("447911123129", "query me"), TestContext.Current.CancellationToken);
        Assert.True(await demo.WaitForReceiptsAsync([submitted.MessageId], ReceiptTimeout));

        var own = await demo.Client.SendAsync<QuerySmResp>(new QuerySm { MessageId = submitted.MessageId, Source = SmppAddress.Alphanumeric("Pigeon") }, TestContext.Current.CancellationToken);
        Assert.Equal(CommandStatus.Ok, own.CommandStatus);
        Assert.Equal(MessageState.Delivered, own.MessageState);

        await using var poor = await CustomerClient.BindAsync(_fixture.Serve.SmppPort, ServeFixture.PoorSystemId, ServeFixture.PoorPassword);
        var other = await poor.Client.SendAsync(new QuerySm { MessageId = submitted.MessageId }, TestContext.Current.CancellationToken);
        Assert.Equal(CommandStatus.QueryFailed, other.CommandStatus);
    }

    [Fact]
    public async Task Cancel_sm_is_answered_ESME_RCANCELFAIL()
    {
        await using var demo = await BindDemoAsync();
        var response = await demo.Client.SendAsync(new CancelSm { MessageId = "1" }, TestContext.Current.CancellationToken);
        Assert.Equal(CommandStatus.CancelFailed, response.CommandStatus);
    }

    [Fact]
    public async Task An_account_an_operator_adds_while_serving_can_bind_and_submit_without_a_restart()
    {
        await using (var store = new Storage.Sqlite.SqliteGatewayStore(new Storage.Sqlite.SqliteStoreOptions { Path = Path.Combine(_fixture.DataDirectory, "pigeon.db") }, TimeProvider.System))
        {
            var late = await store.Provisioning.CreateCustomerAsync(new Gateway.Accounts.Customer { Id = 0, Name = "late", Country = "GB", Currency = "EUR" }, CancellationToken.None);
            await store.Provisioning.CreditAsync(late.Id, 1.00m, "test", CancellationToken.None);
            await store.Provisioning.CreateSmppAccountAsync(
                new Gateway.Accounts.SmppAccount { Id = 0, CustomerId = late.Id, SystemId = "late", PasswordHash = new Gateway.Security.PasswordHasher(10_000).Hash("latepass") },
                CancellationToken.None);
            await store.Provisioning.AddSenderIdAsync(new Gateway.Accounts.SenderId { Id = 0, CustomerId = late.Id, Value = "Late" }, CancellationToken.None);
        }

        CustomerClient? customer = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (customer is null)
        {
            try
            {
                customer = await CustomerClient.BindAsync(_fixture.Serve.SmppPort, "late", "latepass");
            }
            catch (SmppBindException e) when (e.Status == CommandStatus.InvalidSystemId && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }

        await using (customer)
        {
            var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123135", "late but here", source: "Late"), TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], ReceiptTimeout));
        }
    }

    [Fact]
    public async Task An_operator_top_up_while_serving_lets_a_customer_without_credit_submit_without_a_restart()
    {
        long customerId;
        await using (var store = new Storage.Sqlite.SqliteGatewayStore(new Storage.Sqlite.SqliteStoreOptions { Path = Path.Combine(_fixture.DataDirectory, "pigeon.db") }, TimeProvider.System))
        {
            var broke = await store.Provisioning.CreateCustomerAsync(new Gateway.Accounts.Customer { Id = 0, Name = "broke", Country = "GB", Currency = "EUR" }, CancellationToken.None);
            customerId = broke.Id;
            await store.Provisioning.CreateSmppAccountAsync(
                new Gateway.Accounts.SmppAccount { Id = 0, CustomerId = broke.Id, SystemId = "broke", PasswordHash = new Gateway.Security.PasswordHasher(10_000).Hash("brokepw") },
                CancellationToken.None);
            await store.Provisioning.AddSenderIdAsync(new Gateway.Accounts.SenderId { Id = 0, CustomerId = broke.Id, Value = "Broke" }, CancellationToken.None);
        }

        var customer = await BindWhenKnownAsync("broke", "brokepw");
        await using (customer)
        {
            var refused = await customer.Client.SubmitAsync(CustomerClient.Text("447911123136", "no money yet", source: "Broke"), TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.SubmitFailed, refused.CommandStatus);

            await using (var store = new Storage.Sqlite.SqliteGatewayStore(new Storage.Sqlite.SqliteStoreOptions { Path = Path.Combine(_fixture.DataDirectory, "pigeon.db") }, TimeProvider.System))
            {
                await store.Provisioning.CreditAsync(customerId, 0.05m, "top-up while serving", CancellationToken.None);
            }

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            SubmitSmResp response;
            do
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
                response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123136", "now with money", source: "Broke"), TestContext.Current.CancellationToken);
            }
            while (response.CommandStatus == CommandStatus.SubmitFailed && DateTime.UtcNow < deadline);

            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            Assert.True(await customer.WaitForReceiptsAsync([response.MessageId], ReceiptTimeout));
        }
    }

    private static async Task<CustomerClient> BindWhenKnownAsync(int port, string systemId, string password)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await CustomerClient.BindAsync(port, systemId, password);
            }
            catch (SmppBindException e) when (e.Status == CommandStatus.InvalidSystemId && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
    }

    private Task<CustomerClient> BindWhenKnownAsync(string systemId, string password) => BindWhenKnownAsync(_fixture.Serve.SmppPort, systemId, password);

    private Task<CustomerClient> BindDemoAsync() => CustomerClient.BindAsync(_fixture.Serve.SmppPort, _fixture.SystemId, _fixture.Password);
}
