using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Simulator.Tests;

/// <summary>query_sm, cancel_sm and replace_sm against the simulator, over a real loopback bind.</summary>
public sealed class SmscSimulatorQueryTests : IAsyncLifetime
{
    private SmscSimulator _simulator = null!;
    private SmppClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new SimulatorOptions { Port = 0, Outcomes = OutcomeMix.FromDeliveredRate(0.5, null) };
        _simulator = new SmscSimulator(options, NullLoggerFactory.Instance, TimeProvider.System);
        await _simulator.StartAsync(TestContext.Current.CancellationToken);
        _client = new SmppClient(new SmppClientOptions { Host = "127.0.0.1", Port = _simulator.LocalEndPoint.Port, SystemId = "q", Password = "q" });
        await _client.ConnectAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private async Task<string> SubmitAsync()
    {
        var response = await _client.SubmitAsync(
            new SubmitSm { Source = SmppAddress.Alphanumeric("Sim"), Destination = SmppAddress.International("447700900001"), ShortMessage = "hi"u8.ToArray() },
            TestContext.Current.CancellationToken);
        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        return response.MessageId;
    }

    [Fact]
    public async Task Query_reports_the_outcome_the_message_was_given()
    {
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await SubmitAsync());
        }

        var states = new List<MessageState>();
        foreach (var id in ids)
        {
            var response = await _client.SendAsync<QuerySmResp>(new QuerySm { MessageId = id }, TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            Assert.Equal(id, response.MessageId);
            states.Add(response.MessageState);
        }

        Assert.All(states, s => Assert.Contains(s, new[] { MessageState.Delivered, MessageState.Undeliverable }));
        Assert.Contains(MessageState.Delivered, states);
        Assert.Contains(MessageState.Undeliverable, states);
    }

    [Fact]
    public async Task Query_of_an_id_never_given_fails_with_ESME_RQUERYFAIL()
    {
        var response = await _client.SendAsync<QuerySmResp>(new QuerySm { MessageId = "ffffffffffff" }, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.QueryFailed, response.CommandStatus);
    }

    [Fact]
    public async Task A_cancelled_message_queries_as_deleted_and_cannot_be_cancelled_or_replaced_again()
    {
        var id = await SubmitAsync();

        var cancel = await _client.SendAsync<CancelSmResp>(new CancelSm { MessageId = id }, TestContext.Current.CancellationToken);
        var again = await _client.SendAsync<CancelSmResp>(new CancelSm { MessageId = id }, TestContext.Current.CancellationToken);
        var replace = await _client.SendAsync<ReplaceSmResp>(new ReplaceSm { MessageId = id, ShortMessage = "new"u8.ToArray() }, TestContext.Current.CancellationToken);
        var query = await _client.SendAsync<QuerySmResp>(new QuerySm { MessageId = id }, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, cancel.CommandStatus);
        Assert.Equal(CommandStatus.CancelFailed, again.CommandStatus);
        Assert.Equal(CommandStatus.ReplaceFailed, replace.CommandStatus);
        Assert.Equal(MessageState.Deleted, query.MessageState);
    }
}
