using Pigeon.Smpp.Protocol;

namespace Pigeon.Simulator;

/// <summary>How `pigeon simulate` behaves; every property has a command-line flag.</summary>
public sealed record SimulatorOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 2775;

    /// <summary>The only system_id accepted; any when null.</summary>
    public string? SystemId { get; init; }

    /// <summary>The only password accepted; any when null.</summary>
    public string? Password { get; init; }

    /// <summary>Delay between submit_sm_resp and its delivery receipt.</summary>
    public TimeSpan ReceiptDelay { get; init; } = TimeSpan.Zero;

    public OutcomeMix Outcomes { get; init; } = OutcomeMix.AllDelivered;

    /// <summary>Share of submits (0..1) answered with <see cref="RejectStatus"/> instead of an id.</summary>
    public double RejectRate { get; init; }

    public CommandStatus RejectStatus { get; init; } = CommandStatus.SubmitFailed;

    /// <summary>Submits per second above which ESME_RTHROTTLED is answered; 0 for no limit.</summary>
    public int Tps { get; init; }

    /// <summary>Share of submits (0..1) never answered at all, to test a client's response time-outs.</summary>
    public double NoAnswerRate { get; init; }

    /// <summary>Close a session after this many submits on it (0 never), to test reconnects.</summary>
    public long DropAfter { get; init; }

    /// <summary>Send an MO message to a bound receiver this often (zero: only on request from standard input).</summary>
    public TimeSpan MoInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Message ids as hexadecimal (the default, as many SMSCs do) or decimal digits.</summary>
    public bool DecimalIds { get; init; }

    /// <summary>Window of outstanding deliver_sm per session.</summary>
    public int Window { get; init; } = 64;

    /// <summary>How often running statistics are printed (zero: never).</summary>
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most sessions at once.</summary>
    public int MaxSessions { get; init; } = 100;
}
