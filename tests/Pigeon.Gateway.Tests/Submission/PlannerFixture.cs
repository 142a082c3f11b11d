using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Limits;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Submission;
using Pigeon.Gateway.Tests.Routing;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Submission;

/// <summary>A customer in GB paying in EUR, its SMPP account, three sender ids and a small route table.</summary>
internal sealed class PlannerFixture
{
    public const long CustomerId = 7;

    public static readonly DateTimeOffset Start = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public PlannerFixture(SubmissionOptions? options = null)
    {
        Balances.Load(CustomerId, 100m);
        Planner = new SubmissionPlanner(Normalizer, Balances, Limiter, Time, options);
    }

    public static PhoneNumberNormalizer Normalizer { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public BalanceBook Balances { get; } = new();

    public TpsLimiter Limiter => _limiter ??= new TpsLimiter(Time);

    public SubmissionPlanner Planner { get; }

    public Customer Customer { get; set; } = new() { Id = CustomerId, Name = "acme", Country = "GB", Currency = "EUR" };

    public SmppAccount? Smpp { get; set; } = new() { Id = 70, CustomerId = CustomerId, SystemId = "acme", PasswordHash = "-" };

    public List<SenderId> Senders { get; } =
    [
        new() { Id = 1, CustomerId = CustomerId, Value = "Pigeon" },
        new() { Id = 2, CustomerId = CustomerId, Value = "447700900123" },
        new() { Id = 3, CustomerId = CustomerId, Value = "12345" },
        new() { Id = 4, CustomerId = CustomerId, Value = "Retired", Active = false },
        new() { Id = 5, CustomerId = 99, Value = "Elsewhere" },
    ];

    public RouteTable Routes { get; set; } = RouteTable.Build(
        [
            RouteTableTests.Route(1, "", 1, price: 0.05m),
            RouteTableTests.Route(2, "44", 2, price: 0.04m),
            RouteTableTests.Route(3, "44", 3, priority: 1, price: 0.06m),
            RouteTableTests.Route(4, "4479", 4, customer: CustomerId, price: 0.03m),
        ],
        [RouteTableTests.Supplier(1), RouteTableTests.Supplier(2), RouteTableTests.Supplier(3), RouteTableTests.Supplier(4)]);

    public BlockedDestinations Blocked { get; set; } = BlockedDestinations.None;

    private TpsLimiter? _limiter;

    public static SubmissionRequest Text(string text, string destination = "447911123456", string source = "Pigeon") => new()
    {
        Source = new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, source),
        Destination = new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, destination),
        Text = text,
    };

    public static SubmissionRequest Octets(byte[] content, byte dataCoding = 0, string destination = "447911123456") => new()
    {
        Source = SmppAddress.Alphanumeric("Pigeon"),
        Destination = SmppAddress.International(destination),
        DataCoding = dataCoding,
        Content = content,
    };

    public SubmissionPlanResult Plan(SubmissionRequest request) =>
        Planner.Plan(request, new SubmittingAccount(Customer, Smpp, Senders, Blocked), Routes);

    public decimal Balance()
    {
        Assert.True(Balances.TryGetBalance(CustomerId, out var balance));
        return balance;
    }
}
