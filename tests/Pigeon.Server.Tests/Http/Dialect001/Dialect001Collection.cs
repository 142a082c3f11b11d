namespace Pigeon.Server.Tests.Http.Dialect001;

/// <summary>The dialect-001 test classes share one `pigeon serve` (<see cref="Dialect001Fixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class Dialect001Collection : ICollectionFixture<Dialect001Fixture>
{
    public const string Name = "Dialect 001";
}
