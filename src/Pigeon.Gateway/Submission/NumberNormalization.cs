namespace Pigeon.Gateway.Submission;

/// <summary>The outcome of normalising one number: the number and its kind, or why it failed.</summary>
/// <param name="Failure"><see cref="NumberFailure.None"/> on success.</param>
/// <param name="Number">E.164 digits without '+' (or the short code as given); empty on failure.</param>
/// <param name="Kind">What the number is; <see cref="NumberKind.None"/> on failure.</param>
public readonly record struct NumberNormalization(NumberFailure Failure, string Number, NumberKind Kind)
{
    /// <summary>True when <see cref="Number"/> holds the normalised number.</summary>
    public bool Succeeded => Failure == NumberFailure.None;

    internal static NumberNormalization Fail(NumberFailure failure) => new(failure, string.Empty, NumberKind.None);

    internal static NumberNormalization International(string digits) => new(NumberFailure.None, digits, NumberKind.International);

    internal static NumberNormalization ShortCode(string digits) => new(NumberFailure.None, digits, NumberKind.ShortCode);
}
