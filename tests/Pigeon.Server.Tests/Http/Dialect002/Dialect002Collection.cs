namespace Pigeon.Server.Tests.Http.Dialect002;

/// <summary>The dialect 002 test classes share one `pigeon serve` and run one after another (one of them restarts it).</summary>
[CollectionDefinition(Name)]
public sealed class Dialect002Collection : ICollectionFixture<Dialect002Fixture>
{
    public const string Name = "dialect 002";
}
