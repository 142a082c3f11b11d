namespace Pigeon.Server.Tests.Http.Native;

/// <summary>The native API test classes share one serve (<see cref="NativeApiFixture"/>), run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class NativeApiCollection : ICollectionFixture<NativeApiFixture>
{
    public const string Name = "native API";
}
