using Microsoft.Extensions.Options;

namespace Pigeon.Server.Options;

/// <summary>Checks <see cref="PigeonOptions"/> at start and names every bad setting in one message.</summary>
public sealed class PigeonOptionsValidator : IValidateOptions<PigeonOptions>
{
    public ValidateOptionsResult Validate(string? name, PigeonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("Pigeon:DataDirectory must name a directory.");
        }

        if (options.NodeId is < 0 or > 1023)
        {
            errors.Add($"Pigeon:NodeId must be between 0 and 1023; got {options.NodeId}.");
        }

        CheckPort(errors, "Pigeon:Smpp:Port", options.Smpp.Port);
        CheckPort(errors, "Pigeon:Http:Port", options.Http.Port);
        if (options.Http.MaxRequestBodyBytes < 1024)
        {
            errors.Add($"Pigeon:Http:MaxRequestBodyBytes must be at least 1024, not {options.Http.MaxRequestBodyBytes}.");
        }

        if (options.Http.RequestsPerSecondPerKey < 1 || options.Http.RequestBurstPerKey < options.Http.RequestsPerSecondPerKey)
        {
            errors.Add($"Pigeon:Http:RequestsPerSecondPerKey must be at least 1 and RequestBurstPerKey at least as large (are {options.Http.RequestsPerSecondPerKey} and {options.Http.RequestBurstPerKey}).");
        }
        if (options.Simulator.Enabled)
        {
            CheckPort(errors, "Pigeon:Simulator:Port", options.Simulator.Port);
        }

        if (options.Smpp.Window is < 1 or > 10_000)
        {
            errors.Add($"Pigeon:Smpp:Window must be between 1 and 10000; got {options.Smpp.Window}.");
        }

        if (options.Smpp.MaxSessions < 1)
        {
            errors.Add($"Pigeon:Smpp:MaxSessions must be at least 1; got {options.Smpp.MaxSessions}.");
        }

        if (options.Smpp.TlsCertificatePath is { } path && !File.Exists(path))
        {
            errors.Add($"Pigeon:Smpp:TlsCertificatePath '{path}' does not exist.");
        }

        if (options.CustomerReceiptExpiry <= TimeSpan.Zero)
        {
            errors.Add("Pigeon:CustomerReceiptExpiry must be positive.");
        }

        if (options.Mo.ReassemblyTimeout < TimeSpan.FromSeconds(1) || options.Mo.ReassemblyTimeout > TimeSpan.FromDays(1))
        {
            errors.Add($"Pigeon:Mo:ReassemblyTimeout must be between 00:00:01 and 1.00:00:00; got {options.Mo.ReassemblyTimeout}.");
        }

        if (options.ProvisioningRefreshInterval <= TimeSpan.Zero)
        {
            errors.Add("Pigeon:ProvisioningRefreshInterval must be positive.");
        }

        if (options.Database is { Length: > 0 } database && !DatabaseLocation.TryParse(database, options.DataDirectory, out _, out var error))
        {
            errors.Add($"Pigeon:Database: {error}");
        }

        try
        {
            options.Dispatch.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            errors.Add($"Pigeon:Dispatch:{e.ParamName} is out of range: {e.ActualValue}.");
        }

        errors.AddRange(options.Webhooks.Validate());
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckPort(List<string> errors, string name, int port)
    {
        if (port is < 0 or > 65535)
        {
            errors.Add($"{name} must be between 0 and 65535; got {port}.");
        }
    }
}
