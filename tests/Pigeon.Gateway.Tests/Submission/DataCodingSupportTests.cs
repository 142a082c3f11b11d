using Pigeon.Gateway.Submission;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class DataCodingSupportTests
{
    [Theory]
    [InlineData(0x00)]
    [InlineData(0x01)]
    [InlineData(0x03)]
    [InlineData(0x04)]
    [InlineData(0x08)]
    [InlineData(0x0E)]
    [InlineData(0x10)]
    [InlineData(0x18)]
    [InlineData(0xC0)]
    [InlineData(0xF0)]
    [InlineData(0xF4)]
    public void Defined_uncompressed_values_are_accepted(byte dataCoding)
    {
        Assert.True(DataCodingSupport.IsSupported(dataCoding));
    }

    [Theory]
    [InlineData(0x0B)]
    [InlineData(0x0C)]
    [InlineData(0x0F)]
    [InlineData(0x20)]
    [InlineData(0x28)]
    [InlineData(0x1C)]
    [InlineData(0x80)]
    [InlineData(0xBF)]
    public void Reserved_and_compressed_values_are_refused(byte dataCoding)
    {
        Assert.False(DataCodingSupport.IsSupported(dataCoding));
    }
}
