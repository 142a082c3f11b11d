namespace Pigeon.Tests;

public sealed class ProgramTests
{
    [Fact]
    public void Main_returns_zero_without_arguments() => Assert.Equal(0, Program.Main([]));
}
