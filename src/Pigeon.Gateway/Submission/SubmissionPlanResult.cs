using System.Diagnostics.CodeAnalysis;

namespace Pigeon.Gateway.Submission;

/// <summary>What <see cref="SubmissionPlanner.Plan"/> decided: an accepted plan, or a refusal. Exactly one is set.</summary>
public sealed class SubmissionPlanResult
{
    private SubmissionPlanResult(SubmissionPlan? plan, SubmissionRefusal? refusal)
    {
        Plan = plan;
        Refusal = refusal;
    }

    /// <summary>The plan, when accepted.</summary>
    public SubmissionPlan? Plan { get; }

    /// <summary>Why not, when refused.</summary>
    public SubmissionRefusal? Refusal { get; }

    /// <summary>True when <see cref="Plan"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Plan))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => Plan is not null;

    internal static SubmissionPlanResult Accept(SubmissionPlan plan) => new(plan, null);

    internal static SubmissionPlanResult Refuse(SubmissionRefusal refusal) => new(null, refusal);

    internal static SubmissionPlanResult Refuse(RefusalReason reason, string message) => new(null, new SubmissionRefusal(reason, message));
}
