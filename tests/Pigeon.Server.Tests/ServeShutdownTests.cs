using System.Globalization;
using Pigeon.Server.Tests.Support;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Server.Tests;

/// <summary>SIGTERM stops serve in order: customers unbound, what was acknowledged kept, exit code 0.</summary>
public sealed class ServeShutdownTests : IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("pigeon-stop-").FullName;

    [Fact]
    public async Task SIGTERM_unbinds_bound_customers_exits_0_and_keeps_what_was_acknowledged()
    {
        var (smppPort, httpPort) = (FreePort.Next(), FreePort.Next());
        string[] flags = ["--simulator-port", FreePort.Next().ToString(CultureInfo.InvariantCulture)];
        string acknowledged;
        IReadOnlyDictionary<string, string> credentials;
        await using (var serve = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags))
        {
            credentials = serve.ReadCredentials();
            await using var customer = await CustomerClient.BindAsync(smppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
            var response = await customer.Client.SubmitAsync(CustomerClient.Text("447911123140", "before the stop"), TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            acknowledged = response.MessageId;

            await serve.TerminateAsync();
            await serve.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(0, serve.ExitCode);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (customer.Client.State != SmppSessionState.Closed && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.Equal(SmppSessionState.Closed, customer.Client.State);
            Assert.Contains("pigeon serve: stopped", serve.Output, StringComparison.Ordinal);
        }

        await using (var restarted = await ServeProcess.StartAsync(_data, smppPort, httpPort, flags))
        {
            await using var customer = await CustomerClient.BindAsync(smppPort, credentials["SMPP system_id"], credentials["SMPP password"]);
            var query = await customer.Client.SendAsync<Smpp.Pdus.QuerySmResp>(new Smpp.Pdus.QuerySm { MessageId = acknowledged }, TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.Ok, query.CommandStatus);
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
