namespace LoomExchange.Messages.Orders;

/// <summary>Why an order (or its remainder) was cancelled. Public contract: never renumber or reuse values.</summary>
public enum CancelReason : byte
{
    None = 0,

    /// <summary>The owner asked for it.</summary>
    Requested = 1,

    /// <summary>The owner cancelled all its orders in the book.</summary>
    MassCancel = 2,

    /// <summary>The unfilled remainder of an immediate-or-cancel or market order.</summary>
    ImmediateRemainder = 3,

    /// <summary>A fill-or-kill order that could not be filled in full; nothing traded.</summary>
    FillOrKillUnfilled = 4,

    /// <summary>Self-trade prevention removed it.</summary>
    SelfTradePrevention = 5,
}
