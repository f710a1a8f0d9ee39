namespace LoomExchange.Messages.Orders;

/// <summary>The kind of an <see cref="OrderCommand"/>. Numeric values are part of the wire and journal format.</summary>
public enum CommandType : byte
{
    Place = 1,
    Cancel = 2,
    Amend = 3,
    MassCancel = 4,

    /// <summary>Carries only a timestamp: lets good-till-date orders expire when no other command arrives.</summary>
    AdvanceTime = 5,
}
