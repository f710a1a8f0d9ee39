namespace LoomExchange.Messages.Orders;

/// <summary>How long an order stays eligible. Numeric values are part of the wire and journal format.</summary>
public enum TimeInForce : byte
{
    /// <summary>Good till cancelled: the remainder rests.</summary>
    Gtc = 1,

    /// <summary>Immediate or cancel: trades what it can now, the remainder is cancelled.</summary>
    Ioc = 2,

    /// <summary>Fill or kill: trades its whole quantity now or nothing at all.</summary>
    Fok = 3,

    /// <summary>Good till date: rests until its expiry timestamp, then expires.</summary>
    Gtd = 4,
}
