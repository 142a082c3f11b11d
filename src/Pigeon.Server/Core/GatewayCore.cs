using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Limits;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Security;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Submission;
using Pigeon.Server.Options;
using Pigeon.Server.Startup;

namespace Pigeon.Server.Core;

/// <summary>
/// The gateway's shared state, opened first and closed last: the store (migrated at start), the one group-commit
/// writer, and what is kept in memory from the provisioning snapshot (accounts, routes, balances). The first start
/// of an empty store provisions the demo set-up (<see cref="FirstStartProvisioning"/>). Stopping drains the writer,
/// so every write already queued commits before the store closes.
/// </summary>
internal sealed class GatewayCore : IHostedService, IAsyncDisposable
{
    private readonly PigeonOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FirstStartProvisioning _firstStart;
    private IGatewayStore? _store;
    private GroupCommitWriter? _writer;
    private GroupCommitWriter? _acceptWriter;
    private AccountDirectory? _directory;
    private IReadOnlyList<Supplier> _suppliers = [];

    public GatewayCore(IOptions<PigeonOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider, FirstStartProvisioning firstStart)
    {
        _options = options.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<GatewayCore>();
        _time = timeProvider;
        _firstStart = firstStart;
        Ids = new MessageIdGenerator(_options.NodeId, timeProvider);
        Planner = new SubmissionPlanner(
            new PhoneNumberNormalizer(), Balances, new TpsLimiter(timeProvider), timeProvider, new SubmissionOptions { AllowPrivateCallbackAddresses = _options.Webhooks.AllowPrivateAddresses });
        Authorizer = new BindAuthorizer(new CredentialVerifier(new PasswordHasher(), timeProvider), new BindCounter());
    }

    public IGatewayStore Store => _store ?? throw NotStarted();

    public GroupCommitWriter Writer => _writer ?? throw NotStarted();

    /// <summary>The writer for accepted messages: one of its own where the store offers it, else <see cref="Writer"/>.</summary>
    public GroupCommitWriter AcceptWriter => _acceptWriter ?? Writer;

    public AccountDirectory Directory => Volatile.Read(ref _directory) ?? throw NotStarted();

    public IReadOnlyList<Supplier> Suppliers => _suppliers;

    public ActiveRouteTable Routes { get; } = new();

    public BalanceBook Balances { get; } = new();

    // The last operator credit or adjustment applied to the in-memory balances; null until the first load.
    private long? _lastBalanceMoveId;

    public MessageIdGenerator Ids { get; }

    public SubmissionPlanner Planner { get; }

    public BindAuthorizer Authorizer { get; }

    public bool IsStarted => _writer is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!DatabaseLocation.TryParse(_options.Database, _options.DataDirectory, out var location, out var error))
        {
            throw new InvalidOperationException($"Pigeon:Database: {error}");
        }

        System.IO.Directory.CreateDirectory(_options.DataDirectory);
        _store = GatewayStores.Open(location, _time);
        var applied = await _store.MigrateAsync(cancellationToken);
        GatewayLog.StoreOpened(_logger, location.ToString(), applied.Count);
        await _firstStart.EnsureAsync(_store.Provisioning, cancellationToken);
        await ReloadAsync(cancellationToken);
        if (_store.AcceptWrites is { } acceptWrites)
        {
            _acceptWriter = new GroupCommitWriter(acceptWrites, new GroupCommitOptions(), _time, _loggerFactory.CreateLogger<GroupCommitWriter>());
        }

        _writer = new GroupCommitWriter(_store.Writes, new GroupCommitOptions(), _time, _loggerFactory.CreateLogger<GroupCommitWriter>());
    }

    /// <summary>
    /// Reads the provisioning snapshot and puts it in force: accounts, routes, suppliers, and balances. A customer not
    /// in memory yet is loaded with its stored balance. A balance already in memory is never overwritten (it is ahead
    /// of the store by the reservations in flight); instead the operators' credits and adjustments recorded since the
    /// last reload (ledger entries up to the snapshot's <c>LastBalanceMoveId</c>) are applied to it, so a top-up made
    /// with `pigeon balance add` while the gateway runs counts within one refresh interval, exactly once.
    /// </summary>
    /// <returns>True when the suppliers changed.</returns>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await Store.Provisioning.LoadSnapshotAsync(cancellationToken);
        var loadedBefore = new HashSet<long>();
        foreach (var customer in snapshot.Customers)
        {
            if (Balances.TryGetBalance(customer.Id, out _))
            {
                loadedBefore.Add(customer.Id);
            }
            else
            {
                Balances.Load(customer.Id, customer.Balance);
            }
        }

        await ApplyBalanceMovesAsync(loadedBefore, snapshot.LastBalanceMoveId, cancellationToken);

        Routes.Replace(RouteTable.Build(snapshot.Routes, snapshot.Suppliers));
        var suppliersChanged = !snapshot.Suppliers.SequenceEqual(_suppliers);
        _suppliers = snapshot.Suppliers;
        var previous = Interlocked.Exchange(ref _directory, new AccountDirectory(snapshot));
        if (previous is null || suppliersChanged || previous.Customers.Count != snapshot.Customers.Count || previous.AccountCount != snapshot.SmppAccounts.Count)
        {
            GatewayLog.SnapshotLoaded(_logger, snapshot.Customers.Count, snapshot.SmppAccounts.Count, snapshot.Suppliers.Count, snapshot.Routes.Count);
        }

        return suppliersChanged;
    }

    private async Task ApplyBalanceMovesAsync(HashSet<long> loadedBefore, long upTo, CancellationToken cancellationToken)
    {
        if (_lastBalanceMoveId is not { } after)
        {
            // First load: every stored balance already includes the moves up to the snapshot's mark.
            _lastBalanceMoveId = upTo;
            return;
        }

        while (after < upTo)
        {
            var moves = await Store.Provisioning.ListBalanceMovesAsync(after, 500, cancellationToken);
            if (moves.Count == 0)
            {
                break;
            }

            foreach (var move in moves)
            {
                if (move.Id > upTo)
                {
                    break;
                }

                // A customer loaded in this reload already has the move in its stored balance.
                if (loadedBefore.Contains(move.CustomerId))
                {
                    Balances.Adjust(move.CustomerId, move.Amount);
                }

                after = move.Id;
            }

            if (moves[^1].Id >= upTo)
            {
                break;
            }
        }

        _lastBalanceMoveId = upTo;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _acceptWriter, null) is { } acceptWriter)
        {
            await acceptWriter.DisposeAsync();
            GatewayLog.WriterDrained(_logger, acceptWriter.CommittedCommands);
        }

        if (Interlocked.Exchange(ref _writer, null) is { } writer)
        {
            await writer.DisposeAsync();
            GatewayLog.WriterDrained(_logger, writer.CommittedCommands);
        }

        if (Interlocked.Exchange(ref _store, null) is { } store)
        {
            await store.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The gateway core has not started.");
}
