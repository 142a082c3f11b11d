using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Security;
using Pigeon.Gateway.Storage;
using Pigeon.Server.Core;
using Pigeon.Server.Options;

namespace Pigeon.Server.Startup;

/// <summary>
/// The first start of an empty store (no customers): an operator API key, customer "demo" with credit, an SMPP
/// account with generated credentials, sender ids "Pigeon" and "Demo", and the built-in simulator as supplier "sim"
/// behind a catch-all route. The secrets are printed once and written to <see cref="CredentialsFileName"/> (mode
/// 0600) in the data directory; the store keeps only hashes (the operator key as an API key of no customer).
/// </summary>
internal sealed class FirstStartProvisioning
{
    public const string CredentialsFileName = "initial-credentials.txt";
    public const string DemoCustomer = "demo";
    public const string SimulatorSupplier = "sim";

    private readonly PigeonOptions _options;
    private readonly TextWriter _output;
    private readonly ILogger _logger;

    public FirstStartProvisioning(IOptions<PigeonOptions> options, TextWriter output, ILogger<FirstStartProvisioning> logger)
    {
        _options = options.Value;
        _output = output;
        _logger = logger;
    }

    /// <summary>Provisions the demo set-up when the store has no customer; does nothing otherwise.</summary>
    public async Task EnsureAsync(IProvisioningStore store, CancellationToken cancellationToken)
    {
        if ((await store.ListCustomersAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var hasher = new PasswordHasher();
        var (apiKey, apiKeyPrefix, apiKeyHash) = ApiKeyToken.Create();
        var systemId = SecretGenerator.NewSystemId("demo");
        var password = SecretGenerator.NewSmppPassword();

        var customer = await store.CreateCustomerAsync(
            new Customer { Id = 0, Name = DemoCustomer, Country = _options.FirstStartCountry.ToUpperInvariant(), Currency = "EUR" },
            cancellationToken);
        await store.CreditAsync(customer.Id, 100.00m, "first-start credit", cancellationToken);
        await store.CreateSmppAccountAsync(
            new SmppAccount { Id = 0, CustomerId = customer.Id, SystemId = systemId, PasswordHash = hasher.Hash(password) },
            cancellationToken);
        await store.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = customer.Id, Value = "Pigeon" }, cancellationToken);
        await store.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = customer.Id, Value = "Demo" }, cancellationToken);
        var supplier = await store.CreateSupplierAsync(
            new Supplier
            {
                Id = 0,
                Name = SimulatorSupplier,
                Host = "127.0.0.1",
                Port = _options.Simulator.Port,
                SystemId = "pigeon",
                Password = SecretGenerator.NewSmppPassword(),
                Binds = 2,
                Window = 64,
            },
            cancellationToken);
        await store.CreateRouteAsync(
            new Route { Id = 0, Prefix = string.Empty, SupplierId = supplier.Id, Price = 0.01m, Currency = "EUR" },
            cancellationToken);

        await store.CreateApiKeyAsync(new ApiKey { Id = 0, Name = "operator (first start)", Prefix = apiKeyPrefix, SecretHash = apiKeyHash }, cancellationToken);
        var credentials = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"operator API key: {apiKey}\n")
            .Append(CultureInfo.InvariantCulture, $"demo customer: {DemoCustomer}\n")
            .Append(CultureInfo.InvariantCulture, $"SMPP system_id: {systemId}\n")
            .Append(CultureInfo.InvariantCulture, $"SMPP password: {password}\n")
            .Append(CultureInfo.InvariantCulture, $"SMPP port: {_options.Smpp.Port}\n")
            .ToString();
        var path = Path.GetFullPath(Path.Combine(_options.DataDirectory, CredentialsFileName));
        await WritePrivateFileAsync(path, credentials, cancellationToken);
        GatewayLog.FirstStart(_logger, DemoCustomer, systemId, path);

        await _output.WriteAsync("pigeon serve: first start; these credentials are shown once (also in " + path + "):\n" + credentials);
        await _output.FlushAsync(cancellationToken);
    }

    private static async Task WritePrivateFileAsync(string path, string contents, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(contents), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
