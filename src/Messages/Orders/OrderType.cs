namespace LoomExchange.Messages.Orders;

/// <summary>Order type. Numeric values are part of the wire and journal format: never renumber.</summary>
public enum OrderType : byte
{
    /// <summary>Trades at the limit price or better; the remainder rests unless the time in force says otherwise.</summary>
    Limit = 1,

    /// <summary>Trades at any price against resting liquidity; never rests (IOC or FOK only).</summary>
    Market = 2,
}
