namespace Pigeon.Provisioning;

/// <summary>
/// An operator's command cannot be carried out as asked (an unknown customer, a clash, a missing row): the message
/// goes to standard error and the process exits with <see cref="CommandLine.ExitCodes.Failure"/>.
/// </summary>
internal sealed class ProvisioningFailedException : Exception
{
    public ProvisioningFailedException()
    {
    }

    public ProvisioningFailedException(string message)
        : base(message)
    {
    }

    public ProvisioningFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
