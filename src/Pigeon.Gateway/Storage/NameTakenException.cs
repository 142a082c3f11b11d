namespace Pigeon.Gateway.Storage;

/// <summary>
/// A name operators refer to is already in use: a customer name, an SMPP system_id, a supplier name, a sender id of
/// the same customer, an inbound number. Raised instead of the engine's own constraint error.
/// </summary>
public sealed class NameTakenException : Exception
{
    public NameTakenException()
    {
    }

    public NameTakenException(string message)
        : base(message)
    {
    }

    public NameTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Names the kind and value that clash, keeping the engine's error as the inner exception.</summary>
    public NameTakenException(string kind, string name, Exception innerException)
        : base($"The {kind} '{name}' is already taken.", innerException)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>What kind of name clashed ("customer name", "system_id", ...).</summary>
    public string? Kind { get; }

    /// <summary>The name that is taken.</summary>
    public string? Name { get; }
}
