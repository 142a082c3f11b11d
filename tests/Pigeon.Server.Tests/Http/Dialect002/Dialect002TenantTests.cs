using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Protocol;
using static Pigeon.Server.Tests.Http.Dialect002.Dialect002Requests;

namespace Pigeon.Server.Tests.Http.Dialect002;

/// <summary>
/// csms_id scope and tenant isolation: ids are per customer, held under concurrency and across a restart; a key
/// acts for its own customer only. And the block list as an operator manages it, honoured by SMPP as well.
/// </summary>
[Collection(Dialect002Collection.Name)]
public sealed class Dialect002TenantTests(Dialect002Fixture fixture)
{
    [Fact]
    public async Task A_csms_id_of_customer_A_is_not_a_duplicate_for_customer_B()
    {
        var id = NewId();
        var (a, aBody, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345701", "from A", id));

        var (b, bBody, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenB, "01912345701", "from B", id));

        Assert.Equal(200, a);
        Assert.Equal(200, b);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(true, 200, "", Info("SUCCESS", "Success", "8801912345701", "from A", id, true)), aBody, fixture.CustomerA);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(true, 200, "", Info("SUCCESS", "Success", "8801912345701", "from B", id, true)), bBody, fixture.CustomerB);
    }

    [Fact]
    public async Task Customer_A_cannot_use_up_or_repeat_customer_Bs_csms_id_and_B_still_sees_its_own_duplicate()
    {
        var id = NewId();
        await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenB, ["01912345702"], "B's batch", id));

        var (a, _, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["01912345703"], "A's batch", id));
        var (b, bBody, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenB, ["01912345704"], "B again", id));

        Assert.Equal(200, a);
        Assert.Equal(409, b);
        Dialect002Json.AssertRefused(bBody, 4023, "Duplicate CMS ID");
    }

    [Fact]
    public async Task Concurrent_requests_with_one_csms_id_send_one_message()
    {
        var id = NewId();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, $"0191234571{i}", "race", id))));

        Assert.Single(answers, a => a.Status == 200);
        Assert.Equal(7, answers.Count(a => a.Status == 409 && a.Body!["status_code"]!.GetValue<int>() == 4023));
    }

    [Fact]
    public async Task A_csms_id_used_before_a_restart_is_still_a_duplicate_after_it_for_its_customer_only()
    {
        var (single, batch, dynamic) = (NewId(), NewId(), NewId());
        Assert.Equal(200, (await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345720", "before", single))).Status);
        Assert.Equal(200, (await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["01912345721"], "before", batch))).Status);
        Assert.Equal(200, (await fixture.PostAsync("/api/v3/send-sms/dynamic", Dynamic(fixture.TokenA, [("01912345722", "before", dynamic)]))).Status);

        await fixture.RestartAsync();

        var (s, sBody, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345723", "after", single));
        var (b, bBody, _) = await fixture.PostAsync("/api/v3/send-sms/bulk", Bulk(fixture.TokenA, ["01912345724"], "after", batch));
        var (d, dBody, _) = await fixture.PostAsync("/api/v3/send-sms/dynamic", Dynamic(fixture.TokenA, [("01912345725", "after", dynamic)]));
        var (other, _, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenB, "01912345726", "B after", single));

        Assert.Equal(409, s);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 4023, "Duplicate CMS ID", Info("DUPLICATE", "Duplicate CMS ID", "8801912345723", "after", single, false)), sBody, fixture.CustomerA);
        Assert.Equal(409, b);
        Dialect002Json.AssertRefused(bBody, 4023, "Duplicate CMS ID");
        Assert.Equal(422, d);
        await Dialect002Json.AssertAnswerAsync(fixture, Answer(false, 4028, "Invalid message data", Info("DUPLICATE", "Duplicate CMS ID", "8801912345725", "after", dynamic, false)), dBody, fixture.CustomerA);
        Assert.Equal(200, other);
    }

    [Fact]
    public async Task A_key_sends_as_its_own_customer_and_charges_it()
    {
        var id = NewId();
        var (status, body, _) = await fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenB, "01912345730", "whose", id));

        Assert.Equal(200, status);
        var stored = await fixture.ShowMessageAsync(body!["smsinfo"]![0]!["reference_id"]!.GetValue<string>());
        Assert.Equal(fixture.CustomerB, stored!["customer_id"]!.GetValue<long>());
        Assert.Equal(Dialect002Fixture.Sender, stored["source"]!.GetValue<string>());
        Assert.Contains(stored["ledger"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "charge");
    }

    [Fact]
    public async Task A_number_blocked_with_the_cli_while_serving_is_refused_until_unblocked()
    {
        var data = fixture.DataDirectory;
        var (blocked, _) = await Dialect002Fixture.RunPigeonAsync("numbers", "block", "--number", "+8801912345740", "--customer", "bd-a", "--data", data);
        var (listed, list) = await Dialect002Fixture.RunPigeonAsync("numbers", "blocked", "--customer", "bd-a", "--data", data, "--json");
        Assert.Equal(0, blocked);
        Assert.Equal(0, listed);
        Assert.Contains("8801912345740", list, StringComparison.Ordinal);

        var refused = await EventuallyAsync(() => fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345740", "hi", NewId())), a => a.Status == 422);
        Assert.Equal(4026, refused.Body!["status_code"]!.GetValue<int>());

        var (unblocked, _) = await Dialect002Fixture.RunPigeonAsync("numbers", "unblock", "--number", "8801912345740", "--customer", "bd-a", "--data", data);
        Assert.Equal(0, unblocked);
        var sent = await EventuallyAsync(() => fixture.PostAsync("/api/v3/send-sms", Single(fixture.TokenA, "01912345740", "hi", NewId())), a => a.Status == 200);
        Assert.Equal("SUCCESS", sent.Body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Blocking_a_number_twice_is_refused_by_the_cli()
    {
        var (exit, output) = await Dialect002Fixture.RunPigeonAsync("numbers", "block", "--number", Dialect002Fixture.BlockedForEveryone, "--data", fixture.DataDirectory);

        Assert.Equal(1, exit);
        Assert.Contains("blocked for every customer already", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_number_is_refused_over_SMPP_as_well()
    {
        await using var customer = await CustomerClient.BindAsync(fixture.Serve.SmppPort, fixture.SystemId, fixture.Password);

        var response = await customer.Client.SubmitAsync(CustomerClient.Text(Dialect002Fixture.BlockedForEveryone, "hi"), TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.InvalidDestinationAddress, response.CommandStatus);
    }

    private static async Task<(int Status, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage Response)> EventuallyAsync(
        Func<Task<(int Status, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage Response)>> send,
        Func<(int Status, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage Response), bool> done)
    {
        // The provisioning refresh runs every 200 ms in these tests; a minute is far beyond it.
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var answer = await send();
            if (done(answer) || DateTime.UtcNow > until)
            {
                return answer;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
