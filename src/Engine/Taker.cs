using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

/// <summary>The incoming order while it matches: the order's fields plus what is still open.</summary>
internal struct Taker
{
    public long OrderId;
    public long AccountId;
    public long ClientOrderId;

    /// <summary>Limit price; 0 for a market order.</summary>
    public long LimitPrice;
    public long Quantity;
    public long Leaves;
    public long ExpireAt;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public SelfTradePrevention SelfTradePrevention;
    public bool PostOnly;

    /// <summary>Self-trade prevention cancelled the remainder: it must neither rest nor be cancelled again.</summary>
    public bool StoppedBySelfTrade;
}
