namespace Pigeon.Smpp.Protocol;

/// <summary>Queries on <see cref="CommandId"/> that follow from the specification's numbering.</summary>
public static class CommandIdExtensions
{
    private const uint ResponseBit = 0x80000000;

    /// <summary>True for responses (bit 31 set), generic_nack included.</summary>
    public static bool IsResponse(this CommandId id) => ((uint)id & ResponseBit) != 0;

    /// <summary>The response command id that answers a request id (generic_nack for ids with no response).</summary>
    public static CommandId ResponseId(this CommandId id) => id switch
    {
        CommandId.Outbind or CommandId.AlertNotification => CommandId.GenericNack,
        _ when id.IsResponse() => CommandId.GenericNack,
        _ => (CommandId)((uint)id | ResponseBit),
    };

    /// <summary>True for the requests that expect no response at all (outbind, alert_notification).</summary>
    public static bool ExpectsNoResponse(this CommandId id) =>
        id is CommandId.Outbind or CommandId.AlertNotification;

    /// <summary>True if the id is one this library knows.</summary>
    public static bool IsKnown(this CommandId id) => Enum.IsDefined(id);
}
