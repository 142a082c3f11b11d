namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// What a send did: either <see cref="Error"/> (nothing was sent), or the messages stored (our id and the number as
/// given, in request order) and, when the pipeline refused some numbers of the request, those numbers with the code
/// of the refusal.
/// </summary>
internal sealed record Dialect001SendResult(
    IReadOnlyList<KeyValuePair<string, string>> Sent,
    IReadOnlyList<KeyValuePair<string, string>> Refused,
    Dialect001Error? Error)
{
    public static Dialect001SendResult Failed(Dialect001Error error) => new([], [], error);
}
