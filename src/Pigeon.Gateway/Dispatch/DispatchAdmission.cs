namespace Pigeon.Gateway.Dispatch;

/// <summary>What <see cref="DispatchQueue.Enqueue"/> did with a part.</summary>
internal enum DispatchAdmission
{
    /// <summary>Taken into memory; it will be handed out.</summary>
    Taken,

    /// <summary>The queue already holds the part (in memory or in flight); nothing changed.</summary>
    AlreadyHeld,

    /// <summary>Left in the store: the queue will read it from there when it has room.</summary>
    LeftInStore,
}
