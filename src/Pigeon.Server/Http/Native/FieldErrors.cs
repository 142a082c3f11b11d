namespace Pigeon.Server.Http.Native;

/// <summary>
/// What is wrong with a request's fields, by JSON path (<c>to</c>, <c>to[2]</c>, <c>messages[0].text</c>), as the
/// <c>errors</c> member of a <c>validation_failed</c> problem.
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>The errors as the problem's <c>errors</c> member: field → sentences.</summary>
    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
