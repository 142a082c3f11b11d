using Pigeon.Gateway.Dispatch;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Dispatch;

public sealed class SupplierStatusClassifierTests
{
    [Theory]
    [InlineData(CommandStatus.Ok, SupplierStatusClass.Accepted)]
    [InlineData(CommandStatus.Throttled, SupplierStatusClass.Throttled)]
    [InlineData(CommandStatus.MessageQueueFull, SupplierStatusClass.Throttled)]
    [InlineData(CommandStatus.SystemError, SupplierStatusClass.Temporary)]
    [InlineData(CommandStatus.InvalidBindStatus, SupplierStatusClass.Temporary)]
    [InlineData(CommandStatus.ReceiverTemporaryAppError, SupplierStatusClass.Temporary)]
    [InlineData(CommandStatus.InvalidDestinationAddress, SupplierStatusClass.Final)]
    [InlineData(CommandStatus.InvalidSourceAddress, SupplierStatusClass.Final)]
    [InlineData(CommandStatus.SubmitFailed, SupplierStatusClass.Final)]
    [InlineData(CommandStatus.InvalidMessageLength, SupplierStatusClass.Final)]
    [InlineData(CommandStatus.InvalidCommandId, SupplierStatusClass.Final)]
    [InlineData(CommandStatus.UnknownError, SupplierStatusClass.Final)]
    [InlineData((CommandStatus)0x00000400, SupplierStatusClass.Final)]
    public void Classifies_submit_sm_resp_status(CommandStatus status, SupplierStatusClass expected)
    {
        Assert.Equal(expected, SupplierStatusClassifier.Classify(status));
        Assert.Equal(expected is SupplierStatusClass.Throttled or SupplierStatusClass.Temporary, SupplierStatusClassifier.IsRetryable(status));
    }
}
