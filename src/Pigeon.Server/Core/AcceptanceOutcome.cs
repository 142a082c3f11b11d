using System.Diagnostics.CodeAnalysis;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Submission;

namespace Pigeon.Server.Core;

/// <summary>
/// What <see cref="MessageAcceptance"/> (AcceptAsync) did with one submission: stored (with our id and the plan it was
/// stored by: destination as normalised, encoding, segments, charge), refused by policy (with nothing stored or
/// charged), or not stored because the store failed (the reservation was given back).
/// </summary>
internal readonly struct AcceptanceOutcome
{
    private AcceptanceOutcome(MessageId id, SubmissionPlan? plan, SubmissionRefusal? refusal, bool storeFailed)
    {
        Id = id;
        Plan = plan;
        Refusal = refusal;
        StoreFailed = storeFailed;
    }

    /// <summary>Our id of the stored message.</summary>
    public MessageId Id { get; }

    /// <summary>The plan the message was stored by, when accepted.</summary>
    public SubmissionPlan? Plan { get; }

    /// <summary>Why not, when refused by policy.</summary>
    public SubmissionRefusal? Refusal { get; }

    /// <summary>True when the plan was accepted but the commit failed: a server error, not the customer's.</summary>
    public bool StoreFailed { get; }

    /// <summary>True when stored (and so acknowledged).</summary>
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool IsAccepted => Plan is not null;

    /// <summary>The id as every front end shows it: decimal.</summary>
    public string IdText => Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static AcceptanceOutcome Accepted(MessageId id, SubmissionPlan plan) => new(id, plan, null, false);

    public static AcceptanceOutcome Refused(SubmissionRefusal refusal) => new(default, null, refusal, false);

    public static AcceptanceOutcome Failed() => new(default, null, null, true);
}
