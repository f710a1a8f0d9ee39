namespace LoomExchange.Messages.Orders;

/// <summary>
/// What happens when an incoming order would trade with a resting order of the same account.
/// Chosen per incoming order. Numeric values are part of the wire and journal format.
/// </summary>
public enum SelfTradePrevention : byte
{
    /// <summary>Self trades are allowed (surveillance may still flag them).</summary>
    None = 0,

    /// <summary>The incoming (newest) order's remainder is cancelled; the resting order stays.</summary>
    CancelNewest = 1,

    /// <summary>The resting (oldest) order is cancelled and matching continues.</summary>
    CancelOldest = 2,

    /// <summary>Both the resting order and the incoming order's remainder are cancelled.</summary>
    CancelBoth = 3,
}
